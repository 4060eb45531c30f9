using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Approval.Browser.Tests;

/// <summary>
/// 补正: the window checks the submitted form and materials, asks for two corrections in one act (and cannot accept
/// meanwhile); the applicant sees both, corrects a form field and uploads the missing contract; the window sees the
/// corrections and accepts; the applicant's page shows it by itself (live progress) and 我的申请 lists it.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class CorrectionLoopTests(PortalFixture portal)
{
    private const string ContractProblem = "未提交施工合同，请上传双方签章的合同扫描件";
    private const string ScaleProblem = "建设规模与规划许可不一致，应为6万平方米";

    [Fact]
    public async Task The_window_asks_for_two_corrections_the_applicant_corrects_and_the_window_accepts()
    {
        var projectName = Ui.NewProjectName();
        var (applicant, id) = await Applicant.DemoSubmitsAsync(portal, projectName, "applicant-submits");

        var window = await portal.NewPageAsync();
        await Ui.StepsAsync(window, "window-requests-corrections", async () =>
        {
            await Ui.SignInAsync(window, Ui.DemoWindow, $"/window/applications/{id}");
            await Expect(window.GetByTestId("form-data")).ToContainTextAsync("5万平方米");
            await Expect(window.GetByTestId("form-data")).ToContainTextAsync("12000");
            await Expect(window.GetByTestId("missing-required")).ToContainTextAsync("施工合同");
            await window.Locator("#request-corrections").ClickAsync();
            await Expect(window.GetByText("每一项都要写明补正事项和问题说明。")).ToBeVisibleAsync();
            await window.GetByLabel("补正事项1（材料或字段）").FillAsync("施工合同");
            await window.GetByLabel("问题说明1").FillAsync(ContractProblem);
            await window.Locator("#add-correction").ClickAsync();
            await window.GetByLabel("补正事项2（材料或字段）").FillAsync("建设规模");
            await window.GetByLabel("问题说明2").FillAsync(ScaleProblem);
            await window.Locator("#request-corrections").ClickAsync();
            await Expect(window.GetByTestId("done")).ToHaveTextAsync("已一次性告知申请人补正。");
            await Expect(window.GetByTestId("application")).ToContainTextAsync("6补正（开始）");
            await Expect(window.GetByTestId("corrections")).ToContainTextAsync("共2项");
            await Expect(window.GetByTestId("corrections").Locator("li")).ToHaveCountAsync(2);
            await Expect(window.GetByTestId("under-correction")).ToContainTextAsync("补正期间不能受理");
            await Expect(window.Locator("#accept")).ToHaveCountAsync(0);
            await Ui.ScreenshotAsync(window, "window-correction-requested");
        });

        await Ui.StepsAsync(applicant, "applicant-corrects", async () =>
        {
            await Ui.GotoAsync(applicant, $"/applications/{id}");
            await Expect(applicant.GetByTestId("application")).ToContainTextAsync("6补正（开始）");
            var corrections = applicant.GetByTestId("corrections");
            await Expect(corrections.Locator("li")).ToHaveCountAsync(2);
            await Expect(corrections).ToContainTextAsync("施工合同：" + ContractProblem);
            await Expect(corrections).ToContainTextAsync("建设规模：" + ScaleProblem);
            var answer = applicant.GetByTestId("correction-answer");
            await Expect(answer.GetByLabel("建设规模")).ToHaveValueAsync("5万平方米");
            await answer.GetByLabel("建设规模").FillAsync("6万平方米");
            await Expect(answer.Locator("[data-testid=material-picker][data-ready=true]")).ToBeAttachedAsync();
            await Ui.ChooseFileAsync(answer.GetByLabel("施工合同（必要）"), new FilePayload
            {
                Name = "施工合同.pdf", MimeType = "application/pdf",
                Buffer = Encoding.UTF8.GetBytes($"%PDF-1.7\n% 施工合同 {id}\n%%EOF\n"),
            });
            await Expect(answer.GetByTestId("uploaded")).ToContainTextAsync("施工合同.pdf", new() { Timeout = 15_000 });
            await Expect(answer.GetByLabel("选用已有材料或电子证照：施工合同")).Not.ToHaveValueAsync("");
            await Ui.ScreenshotAsync(applicant, "applicant-correcting");
            await applicant.Locator("#submit-correction").ClickAsync();
            await Expect(applicant.GetByTestId("done")).ToHaveTextAsync("补正已提交，等待窗口受理。");
            await Expect(applicant.GetByTestId("application")).ToContainTextAsync("7补正（结束）");
            await Expect(applicant.GetByTestId("correction-answer")).ToHaveCountAsync(0);
            await Expect(applicant.GetByTestId("timeline")).ToContainTextAsync("已补正：表单、材料1份");
        });

        await Ui.StepsAsync(window, "window-accepts", async () =>
        {
            await Ui.GotoAsync(window, $"/window/applications/{id}");
            await Expect(window.GetByTestId("application")).ToContainTextAsync("7补正（结束）");
            await Expect(window.GetByTestId("form-data")).ToContainTextAsync("6万平方米");
            await Expect(window.GetByTestId("materials")).ToContainTextAsync("施工合同.pdf");
            await Expect(window.GetByTestId("missing-required")).Not.ToContainTextAsync("施工合同");
            await window.Locator("#accept").ClickAsync();
            await Expect(window.GetByTestId("done")).ToHaveTextAsync("已受理，事项已分送各审批部门。");
            await Expect(window.GetByTestId("application")).ToContainTextAsync("3已受理");
        });

        await Ui.StepsAsync(applicant, "applicant-sees-acceptance-live", async () =>
        {
            // no reload, no 刷新: the open page reads the progress again by itself
            await Expect(applicant.GetByTestId("application")).ToContainTextAsync("3已受理", new() { Timeout = 30_000 });
            await Expect(applicant.GetByTestId("item-clock")).ToContainTextAsync("正常", new() { Timeout = 30_000 });
            await Ui.ScreenshotAsync(applicant, "applicant-corrected-accepted");
            await Ui.GotoAsync(applicant, "/my/applications");
            var row = applicant.GetByTestId("my-applications").Locator("tr", new() { HasText = projectName });
            await Expect(row).ToContainTextAsync("3已受理");
        });

        await Ui.StepsAsync(applicant, "applicant-reads-notices", async () =>
        {
            // One notice per step of this case in the inbox (Notifications), the correction list's notice among them.
            await Ui.GotoAsync(applicant, "/notices");
            var notices = applicant.GetByTestId("notices").Locator("li", new() { HasText = projectName });
            await Expect(notices.Filter(new() { HasText = "申请已受理" })).ToHaveCountAsync(1, new() { Timeout = 30_000 });
            await Expect(notices.Filter(new() { HasText = "申请需补正" })).ToHaveCountAsync(1);
            await Expect(notices.Filter(new() { HasText = "补正材料已提交" })).ToHaveCountAsync(1);
            await Ui.ScreenshotAsync(applicant, "applicant-notices");
        });
    }
}

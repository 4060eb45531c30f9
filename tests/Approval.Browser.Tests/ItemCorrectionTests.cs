using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Approval.Browser.Tests;

/// <summary>
/// A department's 补正 after 受理 (issue 15 item 3): the department starts the item and asks for a corrected drawing (要求补正);
/// the item waits (6) with its clock paused; the applicant reads the list on 办理进度 and answers with a file; the item shows
/// 7补正（结束）; the department sees the answer with its download link and concludes.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class ItemCorrectionTests(PortalFixture portal)
{
    private const string Problem = "施工图缺少审图机构签章，请上传盖章后的扫描件";

    [Fact]
    public async Task The_department_asks_for_a_correction_the_applicant_answers_with_a_file_and_the_department_concludes()
    {
        var projectName = Ui.NewProjectName();
        var (applicant, id) = await Applicant.DemoSubmitsAsync(portal, projectName, "applicant-submits-for-item-correction", reviewed: true);

        var window = await portal.NewPageAsync();
        await Ui.StepsAsync(window, "window-accepts-for-item-correction", () => Staff.AcceptAsync(window, id));

        var department = await portal.NewPageAsync();
        await Ui.StepsAsync(department, "department-asks-for-item-correction", async () =>
        {
            await Staff.OpenAndStartAsync(department, Ui.DemoDepartment, projectName);

            await department.Locator("#start-correction").ClickAsync();
            await Expect(department.GetByText("每一项都要写明补正事项和问题说明。")).ToBeVisibleAsync();
            await department.GetByLabel("补正事项1（材料名称）").FillAsync("施工图设计文件");
            await department.GetByLabel("问题说明1").FillAsync(Problem);
            await department.Locator("#start-correction").ClickAsync();
            await Expect(department.GetByTestId("done")).ToHaveTextAsync("已一次性告知补正，计时暂停，等待申请人补正。");
            await Expect(department.GetByTestId("item")).ToContainTextAsync("6补正（开始）");
            await Expect(department.GetByTestId("item-status").Locator("[data-clock]")).ToContainTextAsync("暂停计时");
            await Expect(department.GetByTestId("item-correction")).ToContainTextAsync("待申请人补正");
            await Expect(department.Locator("#conclude")).ToHaveCountAsync(0);
            await Ui.ScreenshotAsync(department, "department-item-correction");
        });

        await Ui.StepsAsync(applicant, "applicant-answers-item-correction", async () =>
        {
            await Ui.GotoAsync(applicant, $"/applications/{id}");
            var card = applicant.GetByTestId("item-correction");
            await Ui.ClickUntilVisibleAsync(applicant.Locator("#refresh-progress"), card);
            await Expect(card).ToContainTextAsync("6补正（开始）");
            await Expect(card).ToContainTextAsync("施工图设计文件：" + Problem);
            await Expect(applicant.GetByTestId("timeline")).ToContainTextAsync("6补正（开始）");
            var answer = card.GetByTestId("item-correction-answer");
            await Applicant.UploadPdfAsync(answer.GetByTestId("material-picker"), "施工图设计文件", "施工图（盖章）.pdf");
            await answer.GetByLabel("补正说明（可选）").FillAsync("已加盖审图章");
            await Ui.ScreenshotAsync(applicant, "applicant-answers-item-correction");
            await answer.GetByRole(AriaRole.Button, new() { Name = "提交补正" }).ClickAsync();
            // Intake checks the files against the items' material lists (Catalog) before it answers: slow under load.
            await Expect(card.GetByTestId("item-correction-sent")).ToBeVisibleAsync(new() { Timeout = 30_000 });
            var ended = applicant.GetByTestId("item-correction").Filter(new() { HasText = "7补正（结束）" });
            await Ui.ClickUntilVisibleAsync(applicant.Locator("#refresh-progress"), ended);
            await Expect(ended).ToContainTextAsync("已加盖审图章");
            await Expect(applicant.GetByTestId("timeline")).ToContainTextAsync("7补正（结束）");
        });

        await Ui.StepsAsync(department, "department-reads-answer-and-concludes", async () =>
        {
            await department.ReloadAsync();
            await Ui.InteractiveAsync(department);
            var card = department.GetByTestId("item-correction");
            await Expect(card).ToContainTextAsync("7补正（结束）");
            await Expect(card.GetByRole(AriaRole.Link, new() { Name = "下载 施工图（盖章）.pdf" })).ToBeVisibleAsync();
            await Expect(department.GetByTestId("item")).ToContainTextAsync("7补正（结束）");
            await Ui.ScreenshotAsync(department, "department-reads-item-correction-answer");
            await Staff.ConcludeApprovedAsync(department, "补正后材料齐全，准予许可。");
        });
    }
}

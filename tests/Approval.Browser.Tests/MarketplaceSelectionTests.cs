using System.Text.RegularExpressions;
using Approval.EndToEnd.Tests;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Approval.Browser.Tests;

/// <summary>
/// Issue 17's "done when" in the portal: on 中介服务选取 the demo applicant draws an agency at random for the feasibility
/// report (可行性研究报告编制) among the qualified ones (ZJ04's qualification expired and is left out); the drawn agency's
/// staff accept, start, upload the report (sealed with the agency's e-seal) and finish on 中介机构工作台; the applicant rates
/// the service, re-checks the draw from its record, sees the commission on 我的项目, and applies for 政府投资项目可行性研究报告审批 choosing the delivered report
/// (送达材料) instead of an upload. The four agencies are registered and verified through the API beforehand.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class MarketplaceSelectionTests(PortalFixture portal)
{
    private const string FeasibilityItem = "320193-FG-LX-003";

    [Fact]
    public async Task The_applicant_draws_an_agency_whose_sealed_report_is_rated_and_used_in_the_stage_one_application()
    {
        await MarketAgencySetup.RegisterAsync(portal.Gateway);
        var projectName = Ui.NewProjectName();
        var phase = await portal.PhaseAsync(projectName);
        var org = "";

        var applicant = await portal.NewPageAsync();
        await Ui.StepsAsync(applicant, "applicant-draws-an-agency", async () =>
        {
            await Ui.SignInAsync(applicant, Ui.DemoApplicant, "/my/intermediaries");
            await applicant.GetByLabel("工程代码").SelectOptionAsync(phase.EngineeringCode);
            await applicant.GetByLabel("服务事项").SelectOptionAsync(MarketAgencySetup.Feasibility);
            await applicant.GetByLabel("随机抽取").CheckAsync();
            await applicant.Locator("#select-agency").ClickAsync();
            var done = applicant.GetByTestId("done");
            await Expect(done).ToContainTextAsync("已选取：示范中介ZJ0", new() { Timeout = 30_000 });
            org = Regex.Match(await done.InnerTextAsync(), "示范中介(ZJ0[1-4])").Groups[1].Value;
            Assert.Contains(org, new[] { "ZJ01", "ZJ02", "ZJ03" }); // never the expired ZJ04
            var row = applicant.GetByTestId("selections").GetByRole(AriaRole.Row).Filter(new() { HasText = phase.EngineeringCode });
            await Expect(row).ToContainTextAsync("候选 3 家");
            await Ui.ScreenshotAsync(applicant, "marketplace-drawn");
        });

        var agency = await portal.NewPageAsync();
        await Ui.StepsAsync(agency, "agency-accepts-and-delivers", async () =>
        {
            await Ui.SignInAsync(agency, $"agency-{org}", "/agency");
            var commission = agency.GetByTestId("commission").Filter(new() { HasText = phase.EngineeringCode });
            await commission.GetByRole(AriaRole.Button, new() { Name = "接受委托" }).ClickAsync();
            await Expect(commission.GetByTestId("commission-status")).ToHaveTextAsync("已接受", new() { Timeout = 30_000 });
            await commission.GetByRole(AriaRole.Button, new() { Name = "开始服务" }).ClickAsync();
            await Expect(commission.GetByTestId("commission-status")).ToHaveTextAsync("服务中", new() { Timeout = 30_000 });
            await Ui.ChooseFileAsync(commission.Locator("input[type=file]"), new FilePayload
            {
                Name = "可行性研究报告.pdf", MimeType = "application/pdf", Buffer = System.Text.Encoding.UTF8.GetBytes($"%PDF-1.7\n% 可行性研究报告 {projectName}\n%%EOF\n"),
            });
            await Expect(commission).ToContainTextAsync("服务成果：可行性研究报告.pdf（可行性研究报告，电子印章", new() { Timeout = 30_000 });
            await commission.GetByRole(AriaRole.Button, new() { Name = "完成服务" }).ClickAsync();
            await Expect(commission.GetByTestId("commission-status")).ToHaveTextAsync("已完成", new() { Timeout = 30_000 });
            await Ui.ScreenshotAsync(agency, "marketplace-delivered");
        });

        await Ui.StepsAsync(applicant, "applicant-rates-and-rechecks-the-draw", async () =>
        {
            await Ui.GotoAsync(applicant, "/my/intermediaries");
            var commission = applicant.GetByTestId("commission").Filter(new() { HasText = phase.EngineeringCode });
            await Expect(commission.GetByTestId("commission-status")).ToHaveTextAsync("已完成");
            await commission.GetByLabel("满意度").SelectOptionAsync("1");
            await commission.GetByLabel("评价内容").FillAsync("报告质量高，按时交付");
            await commission.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).ClickAsync();
            await Expect(commission).ToContainTextAsync("评价：非常满意 报告质量高，按时交付", new() { Timeout = 30_000 });
            var row = applicant.GetByTestId("selections").GetByRole(AriaRole.Row).Filter(new() { HasText = phase.EngineeringCode });
            await row.GetByRole(AriaRole.Button, new() { Name = "复核抽取结果" }).ClickAsync();
            await Expect(applicant.GetByTestId("done")).ToContainTextAsync($"复核一致", new() { Timeout = 30_000 });
            await Expect(applicant.GetByTestId("done")).ToContainTextAsync($"结果仍为 示范中介{org}");
            await Ui.ScreenshotAsync(applicant, "marketplace-rated");

            // The commission is on the project too (我的项目), with its agency and state.
            await Ui.GotoAsync(applicant, "/my/projects");
            var onProject = applicant.Locator($"[data-testid=project][data-project-code='{phase.ProjectCode}']").GetByTestId("project-commissions");
            await Expect(onProject).ToContainTextAsync("可行性研究报告编制");
            await Expect(onProject).ToContainTextAsync($"示范中介{org}");
            await Expect(onProject).ToContainTextAsync("已完成");
        });

        await Ui.StepsAsync(applicant, "applicant-applies-with-the-delivered-report", async () =>
        {
            await Ui.GotoAsync(applicant, "/apply");
            await Applicant.ChooseEngineeringCodeAsync(applicant, phase);
            await applicant.GetByLabel("审批阶段").SelectOptionAsync("1");
            await applicant.Locator($"#item-{FeasibilityItem}").CheckAsync();
            await Expect(applicant.GetByLabel("建设规模")).ToBeVisibleAsync(new() { Timeout = 30_000 }); // the stage form loads (prefill) first
            await applicant.GetByLabel("建设单位").FillAsync("示范建设有限公司");
            await applicant.GetByLabel("建设规模").FillAsync("5万平方米");
            await applicant.GetByLabel("总投资（万元）").FillAsync("52000");
            var pick = applicant.GetByLabel("选用已有材料或电子证照：可行性研究报告");
            var delivered = pick.Locator("option").Filter(new() { HasText = $"送达材料：可行性研究报告 可行性研究报告.pdf（{phase.ProjectCode}）" });
            await pick.SelectOptionAsync(await delivered.First.GetAttributeAsync("value") ?? "");
            await applicant.Locator("#submit-application").ClickAsync();
            await applicant.WaitForURLAsync("**/applications/*", new() { Timeout = 30_000 });
            var materials = applicant.GetByTestId("materials");
            await Expect(materials.GetByRole(AriaRole.Row).Filter(new() { HasText = "可行性研究报告" }).First).ToContainTextAsync("可行性研究报告.pdf");
            await Expect(applicant.GetByTestId("missing-required")).ToHaveTextAsync("必要材料齐全。");
            await Ui.ScreenshotAsync(applicant, "marketplace-report-used");
        });
    }
}

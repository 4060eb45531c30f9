using static Microsoft.Playwright.Assertions;

namespace Approval.Browser.Tests;

/// <summary>
/// 审批流程类型 (issue 15): on 在线申报 the applicant chooses the flow; the stage's limit shown is that flow's (社会投资:
/// stage 3 in 10 working days, not the region's 15), and 办理进度 shows the flow type and the limit the case runs on.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class FlowChoiceTests(PortalFixture portal)
{
    [Fact]
    public async Task The_applicant_chooses_the_social_investment_flow_and_the_case_runs_on_its_stage_limit()
    {
        var phase = await portal.PhaseAsync(Ui.NewProjectName());
        var page = await portal.NewPageAsync();
        await Ui.StepsAsync(page, "applicant-chooses-flow", async () =>
        {
            await Ui.SignInAsync(page, Ui.DemoApplicant, "/apply");
            await Applicant.ChooseEngineeringCodeAsync(page, phase);
            await page.GetByLabel("审批阶段").SelectOptionAsync("3");
            await Expect(page.GetByTestId("stage-limit")).ToHaveTextAsync("本阶段时限：15个工作日");
            await page.GetByLabel("审批流程类型").SelectOptionAsync("320193-SH-FJ");
            await page.GetByLabel("审批阶段").SelectOptionAsync("3");
            await Expect(page.GetByTestId("stage-limit")).ToHaveTextAsync("本阶段时限：10个工作日");
            await page.Locator($"#item-{Applicant.BuildingPermit}").CheckAsync();
            await page.GetByLabel("建设规模").FillAsync("5万平方米");
            await page.GetByLabel("合同价格（万元）").FillAsync("12000");
            await page.Locator("#submit-application").ClickAsync();
            await page.WaitForURLAsync("**/applications/*", new() { Timeout = 30_000 });
            await Expect(page.GetByTestId("application")).ToContainTextAsync("审批流程类型：社会投资");
            await Expect(page.GetByTestId("application")).ToContainTextAsync("阶段时限10个工作日");
        });
    }
}

using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Approval.Browser.Tests;

/// <summary>
/// Issue 18 in the portal: the demo applicant applies once for water and power (水电气报装); the water utility's staff
/// survey and connect on their workbench (报装工作台); the applicant's progress shows each step with its clock.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class UtilityConnectionTests(PortalFixture portal)
{
    [Fact]
    public async Task The_applicant_applies_for_water_and_power_and_follows_the_water_utility_connecting()
    {
        var projectName = Ui.NewProjectName();
        var phase = await portal.PhaseAsync(projectName);
        var applicant = await portal.NewPageAsync();
        await Ui.StepsAsync(applicant, "applicant-applies-for-utilities", async () =>
        {
            await Ui.SignInAsync(applicant, Ui.DemoApplicant, "/my/utilities");
            await applicant.GetByLabel("工程代码").SelectOptionAsync(phase.EngineeringCode);
            await applicant.GetByLabel("报装地址").FillAsync("示范区科创大道8号");
            await applicant.Locator("#u-GSGS-water").CheckAsync();
            await applicant.Locator("#u-GDGS-power").CheckAsync();
            await applicant.Locator("#u-demand-GDGS-power").FillAsync("800kVA");
            await applicant.Locator("#apply-utilities").ClickAsync();
            // The first call of a freshly started suite may take a while (Utilities asks Projects with the applicant's token).
            await Expect(applicant.GetByTestId("done")).ToContainTextAsync("已提交报装申请（2项）", new() { Timeout = 30_000 });
            var application = applicant.GetByTestId("utility-application").Filter(new() { HasText = phase.EngineeringCode });
            await Expect(application.GetByTestId("utility-request")).ToHaveCountAsync(2);
            await Expect(application.GetByTestId("utility-step")).ToHaveCountAsync(7); // water 2 + power 5
            await Ui.ScreenshotAsync(applicant, "utilities-applied");
        });

        var utility = await portal.NewPageAsync();
        await Ui.StepsAsync(utility, "water-utility-surveys-and-connects", async () =>
        {
            await Ui.SignInAsync(utility, "utility-GSGS", "/utility");
            await utility.GetByRole(AriaRole.Button, new() { Name = $"办理：{projectName} 供水" }).ClickAsync();
            var detail = utility.GetByTestId("utility-request-detail");
            await Expect(detail).ToContainTextAsync("受理勘查", new() { Timeout = 30_000 });
            await utility.GetByLabel("接入方案", new() { Exact = true }).FillAsync("DN100接入科创大道市政给水管");
            await utility.GetByLabel("费用（元）").FillAsync("0");
            await utility.GetByTestId("conclude-step").ClickAsync();
            await Expect(utility.GetByTestId("done")).ToContainTextAsync("已办结该环节", new() { Timeout = 30_000 });
            await Expect(detail.GetByTestId("connection-plan")).ToContainTextAsync("DN100接入科创大道市政给水管");
            await Expect(utility.GetByTestId("conclude-step")).ToContainTextAsync("验收开通");
            await utility.GetByTestId("conclude-step").ClickAsync();
            await Expect(detail).ToContainTextAsync("已开通", new() { Timeout = 30_000 });
            await Ui.ScreenshotAsync(utility, "utility-workbench");
        });

        await Ui.StepsAsync(applicant, "applicant-sees-each-step-with-its-clock", async () =>
        {
            await Ui.GotoAsync(applicant, "/my/utilities");
            var water = applicant.GetByTestId("utility-application").Filter(new() { HasText = phase.EngineeringCode })
                .Locator("[data-testid=utility-request][data-utility=GSGS]");
            await Expect(water.Locator("[data-step='1']")).ToContainTextAsync("已办结");
            await Expect(water.Locator("[data-step='2']")).ToContainTextAsync("已办结");
            await Ui.ScreenshotAsync(applicant, "utilities-progress");
        });
    }
}

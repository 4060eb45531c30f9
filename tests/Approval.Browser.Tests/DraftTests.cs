using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Approval.Browser.Tests;

/// <summary>草稿: the applicant saves a half-filled application, finds it in 我的申请, resumes it with every value back, and submits it.</summary>
[Collection(PortalCollection.Name)]
public sealed class DraftTests(PortalFixture portal)
{
    [Fact]
    public async Task A_saved_draft_resumes_with_its_values_and_is_gone_once_submitted()
    {
        var projectName = Ui.NewProjectName();
        var phase = await portal.PhaseAsync(projectName);
        var page = await portal.NewPageAsync();
        await Ui.StepsAsync(page, "applicant-saves-draft", async () =>
        {
            await Ui.SignInAsync(page, Ui.DemoApplicant, "/apply");
            await Applicant.FillProjectAsync(page, projectName, phase);
            await page.GetByLabel("建设规模").FillAsync("3万平方米");
            await page.Locator("#save-draft").ClickAsync();
            await Expect(page.GetByTestId("done")).ToContainTextAsync("草稿已保存");
        });

        await Ui.StepsAsync(page, "applicant-resumes-draft", async () =>
        {
            await Ui.GotoAsync(page, "/my/applications");
            var row = page.GetByTestId("my-drafts").Locator("tr", new() { HasText = projectName });
            await row.GetByRole(AriaRole.Link, new() { Name = "继续填写" }).ClickAsync();
            await page.WaitForURLAsync("**/apply?draft=*");
            await Ui.InteractiveAsync(page);
            await Expect(page.Locator("#engineeringCode")).ToHaveValueAsync(phase.EngineeringCode);
            await Expect(page.GetByTestId("engineering-project")).ToContainTextAsync(projectName);
            await Expect(page.Locator($"#item-{Applicant.BuildingPermit}")).ToBeCheckedAsync();
            await Expect(page.GetByLabel("建设规模")).ToHaveValueAsync("3万平方米");
            await page.GetByLabel("合同价格（万元）").FillAsync("8000");
            await page.Locator("#submit-application").ClickAsync();
            await page.WaitForURLAsync("**/applications/*", new() { Timeout = 30_000 });
            await Expect(page.GetByTestId("application")).ToContainTextAsync("已接件");
            await Ui.GotoAsync(page, "/my/applications");
            await Expect(page.GetByTestId("my-applications")).ToContainTextAsync(projectName);
            await Expect(page.Locator("[data-testid=my-drafts] tr", new() { HasText = projectName })).ToHaveCountAsync(0);
        });
    }
}

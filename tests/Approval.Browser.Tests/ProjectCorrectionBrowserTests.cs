using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Approval.Browser.Tests;

/// <summary>
/// 修改项目信息 (issue 20): the owner registers a project with its planned dates (拟开工/拟建成时间), sees them on 我的项目, and
/// corrects them; a planned end before the start shows the API's message beside 拟建成时间 and changes nothing.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class ProjectCorrectionBrowserTests(PortalFixture portal)
{
    [Fact]
    public async Task The_owner_corrects_the_planned_dates_and_a_wrong_order_is_shown_beside_the_field()
    {
        var projectCode = ProjectPhases.NewProjectCode();
        var projectName = Ui.NewProjectName();
        var page = await portal.NewPageAsync();
        await Ui.StepsAsync(page, "applicant-corrects-a-project", async () =>
        {
            await Ui.SignInAsync(page, Ui.DemoApplicant, "/my/projects");
            var project = await Applicant.RegisterProjectAsync(page, projectCode, projectName);
            await Expect(project.GetByTestId("planned-dates")).ToContainTextAsync("拟开工时间 2027-03-01 · 拟建成时间 2029-06-30");

            await project.GetByTestId("edit-project").ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"项目代码 {projectCode}" })).ToBeVisibleAsync();
            await Expect(page.GetByLabel("项目名称")).ToHaveValueAsync(projectName);
            await page.GetByLabel("拟开工时间").FillAsync("2030-01-01");
            await page.Locator("#save-project").ClickAsync();
            await Expect(page.Locator("#p-planned-end-error")).ToContainTextAsync("拟开工时间应早于拟建成时间");
            await Ui.ScreenshotAsync(page, "correct-project-error");

            await page.GetByLabel("拟开工时间").FillAsync("2027-05-01");
            await page.GetByLabel("总投资（万元）").FillAsync("36000");
            await page.Locator("#save-project").ClickAsync();
            await Expect(page.GetByTestId("done")).ToContainTextAsync($"已修改项目信息：{projectName}（{projectCode}）");

            await Ui.GotoAsync(page, "/my/projects");
            var corrected = page.Locator($"[data-testid=project][data-project-code='{projectCode}']");
            await Expect(corrected).ToContainTextAsync("总投资36000万元");
            await Expect(corrected.GetByTestId("planned-dates")).ToContainTextAsync("拟开工时间 2027-05-01 · 拟建成时间 2029-06-30");
        });
    }
}

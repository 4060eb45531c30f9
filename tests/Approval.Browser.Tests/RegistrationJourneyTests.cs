using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Approval.Browser.Tests;

/// <summary>实名注册 in the portal: a new person registers from the login page, signs in, applies, and 我的申请 (the API's list) shows it.</summary>
[Collection(PortalCollection.Name)]
public sealed class RegistrationJourneyTests(PortalFixture portal)
{
    [Fact]
    public async Task A_person_registers_signs_in_applies_and_sees_the_application_in_my_applications()
    {
        var userName = "";
        const string password = "Browser#2026pass";
        var projectName = Ui.NewProjectName();
        var page = await portal.NewPageAsync();
        await Ui.StepsAsync(page, "person-registers", async () =>
        {
            await page.GotoAsync("/account/login");
            await page.GetByText("没有账号？申请人实名注册").ClickAsync();
            await page.WaitForURLAsync("**/account/register");
            await Ui.InteractiveAsync(page);
            await page.Locator("#register").ClickAsync();
            await Expect(page.GetByTestId("problem")).ToBeVisibleAsync();
            userName = await Applicant.RegisterPersonAsync(page, "李四", password);
            await Ui.ScreenshotAsync(page, "registered");
        });

        await Ui.StepsAsync(page, "person-applies", async () =>
        {
            await Ui.SignInAsync(page, userName, "/my/applications", password);
            await Expect(page.GetByText("暂无。")).ToBeVisibleAsync();
            var id = await Applicant.SubmitAsync(page, projectName, await portal.PhaseAsync(projectName, userName, password));
            await Expect(page.GetByTestId("application")).ToContainTextAsync("李四");
            await Ui.GotoAsync(page, "/my/applications");
            var row = page.GetByTestId("my-applications").Locator("tr", new() { HasText = projectName });
            await Expect(row).ToContainTextAsync("1已接件");
            await Expect(row.GetByRole(AriaRole.Link, new() { Name = "办理进度" })).ToHaveAttributeAsync("href", $"/applications/{id}");
        });
    }
}

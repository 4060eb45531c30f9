using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Approval.Browser.Tests;

/// <summary>The window refuses (不予受理): the reason is required and the applicant sees the decision and the reason.</summary>
[Collection(PortalCollection.Name)]
public sealed class WindowRefusalTests(PortalFixture portal)
{
    [Fact]
    public async Task The_window_refuses_with_a_reason_and_the_applicant_sees_it()
    {
        var projectName = Ui.NewProjectName();
        var (applicant, id) = await Applicant.DemoSubmitsAsync(portal, projectName, "applicant-submits");

        var window = await portal.NewPageAsync();
        await Ui.StepsAsync(window, "window-refuses", async () =>
        {
            await Ui.SignInAsync(window, Ui.DemoWindow, $"/window/applications/{id}");
            await Expect(window.GetByTestId("application")).ToContainTextAsync(projectName);
            await window.Locator("#refuse").ClickAsync();
            await Expect(window.GetByText("请填写理由。")).ToBeVisibleAsync();
            await window.GetByLabel("理由（不予受理、不受理时必填）").FillAsync("申请材料与项目审批阶段不符");
            await window.Locator("#refuse").ClickAsync();
            await Expect(window.GetByTestId("done")).ToHaveTextAsync("已作出不予受理决定。");
            await Expect(window.GetByTestId("application")).ToContainTextAsync("5不予受理");
            await Expect(window.Locator("#accept")).ToHaveCountAsync(0);
            await Ui.ScreenshotAsync(window, "window-refused");
        });

        await Ui.StepsAsync(applicant, "applicant-sees-refusal", async () =>
        {
            await Ui.GotoAsync(applicant, $"/applications/{id}");
            await Expect(applicant.GetByTestId("application")).ToContainTextAsync("5不予受理");
            await Expect(applicant.GetByTestId("timeline")).ToContainTextAsync("意见：申请材料与项目审批阶段不符");
        });
    }
}

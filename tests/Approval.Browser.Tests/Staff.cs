using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Approval.Browser.Tests;

/// <summary>The window's and a department's usual first steps on an application.</summary>
public static class Staff
{
    /// <summary>The window opens the application and accepts it (3已受理).</summary>
    public static async Task AcceptAsync(IPage window, Guid id)
    {
        await Ui.SignInAsync(window, Ui.DemoWindow, $"/window/applications/{id}");
        await window.Locator("#accept").ClickAsync();
        await Expect(window.GetByTestId("application")).ToContainTextAsync("3已受理");
    }

    /// <summary>The department (e.g. dept-RFB) finds the project's item in its queue, opens it and starts (8部门开始办理).</summary>
    public static async Task OpenAndStartAsync(IPage department, string user, string projectName)
    {
        await Ui.SignInAsync(department, user, "/department");
        var row = department.GetByTestId("department-queue").Locator("tr", new() { HasText = projectName });
        await Ui.ClickUntilVisibleAsync(department.Locator("#refresh-items"), row);
        await row.GetByRole(AriaRole.Link, new() { Name = "办理" }).ClickAsync();
        await Ui.InteractiveAsync(department);
        await department.Locator("#start").ClickAsync();
        await Expect(department.GetByTestId("item")).ToContainTextAsync("8部门开始办理");
    }

    /// <summary>A date input's value some days from today (yyyy-MM-dd).</summary>
    public static string DaysFromToday(int days) => DateTime.Today.AddDays(days).ToString("yyyy-MM-dd");
}

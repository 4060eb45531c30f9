using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Approval.Browser.Tests;

/// <summary>The window's and the departments' usual steps on an application, each in its own signed-in page.</summary>
public static class Staff
{
    /// <summary>The window signs in, opens the application and accepts it (3已受理).</summary>
    public static async Task AcceptAsync(IPage window, Guid id)
    {
        await Ui.SignInAsync(window, Ui.DemoWindow, $"/window/applications/{id}");
        await AcceptOpenApplicationAsync(window);
    }

    /// <summary>The window (signed in on /window) opens the project's application from its queue and accepts it (3已受理).</summary>
    public static async Task AcceptFromQueueAsync(IPage window, string projectName)
    {
        var row = window.GetByTestId("window-queue").Locator("tr", new() { HasText = projectName });
        await Expect(row).ToContainTextAsync("1已接件");
        await row.GetByRole(AriaRole.Link, new() { Name = "办理" }).ClickAsync();
        await Ui.InteractiveAsync(window);
        await AcceptOpenApplicationAsync(window);
    }

    private static async Task AcceptOpenApplicationAsync(IPage window)
    {
        await window.Locator("#accept").ClickAsync();
        await Expect(window.GetByTestId("done")).ToHaveTextAsync("已受理，事项已分送各审批部门。");
        await Expect(window.GetByTestId("application")).ToContainTextAsync("3已受理");
    }

    /// <summary>
    /// The department (e.g. dept-RFB) signs in, finds the project's item in its queue (by its name too when the project
    /// has several items there), opens it and starts (8部门开始办理).
    /// </summary>
    public static async Task OpenAndStartAsync(IPage department, string user, string projectName, string? itemName = null)
    {
        await Ui.SignInAsync(department, user, "/department");
        await StartFromQueueAsync(department, projectName, itemName);
    }

    /// <summary>A department (signed in on /department) finds the project's item, starts it and concludes 通过 with an opinion.</summary>
    public static async Task ApproveAsync(IPage department, string projectName, string opinion, string? itemName = null)
    {
        await StartFromQueueAsync(department, projectName, itemName);
        await ConcludeApprovedAsync(department, opinion);
    }

    /// <summary>On an open, started item: concludes 通过 with an opinion (11办结（通过）).</summary>
    public static async Task ConcludeApprovedAsync(IPage department, string opinion)
    {
        await department.GetByLabel("审批意见").FillAsync(opinion);
        await department.Locator("#conclude").ClickAsync();
        await Expect(department.GetByTestId("done")).ToHaveTextAsync("已办结（通过）。");
        await Expect(department.GetByTestId("item")).ToContainTextAsync("11办结（通过）");
    }

    private static async Task StartFromQueueAsync(IPage department, string projectName, string? itemName)
    {
        var row = department.GetByTestId("department-queue").Locator("tr", new() { HasText = projectName });
        if (itemName is not null) row = row.Filter(new() { HasText = itemName });
        await Ui.ClickUntilVisibleAsync(department.Locator("#refresh-items"), row);
        await row.GetByRole(AriaRole.Link, new() { Name = "办理" }).ClickAsync();
        await Ui.InteractiveAsync(department);
        await department.Locator("#start").ClickAsync();
        await Expect(department.GetByTestId("item")).ToContainTextAsync("8部门开始办理");
    }

    /// <summary>A date input's value some days from today (yyyy-MM-dd).</summary>
    public static string DaysFromToday(int days) => DateTime.Today.AddDays(days).ToString("yyyy-MM-dd");
}

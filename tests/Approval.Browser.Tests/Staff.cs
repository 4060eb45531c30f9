using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Approval.Browser.Tests;

/// <summary>The window's and the departments' steps in the portal, each in its own signed-in page.</summary>
public static class Staff
{
    /// <summary>The window (signed in on /window) opens the project's application from its queue and accepts it (3已受理).</summary>
    public static async Task AcceptAsync(IPage window, string projectName)
    {
        var row = window.GetByTestId("window-queue").Locator("tr", new() { HasText = projectName });
        await Expect(row).ToContainTextAsync("1已接件");
        await row.GetByRole(AriaRole.Link, new() { Name = "办理" }).ClickAsync();
        await window.Locator("#accept").ClickAsync();
        await Expect(window.GetByTestId("done")).ToHaveTextAsync("已受理，事项已分送各审批部门。");
        await Expect(window.GetByTestId("application")).ToContainTextAsync("3已受理");
    }

    /// <summary>A department (signed in on /department) finds the project's item, starts it and concludes 通过 with an opinion.</summary>
    public static async Task ApproveAsync(IPage department, string projectName, string opinion)
    {
        var row = department.GetByTestId("department-queue").Locator("tr", new() { HasText = projectName });
        await Ui.ClickUntilVisibleAsync(department.Locator("#refresh-items"), row);
        await row.GetByRole(AriaRole.Link, new() { Name = "办理" }).ClickAsync();
        await department.Locator("#start").ClickAsync();
        await Expect(department.GetByTestId("item")).ToContainTextAsync("8部门开始办理");
        await department.GetByLabel("审批意见").FillAsync(opinion);
        await department.Locator("#conclude").ClickAsync();
        await Expect(department.GetByTestId("done")).ToHaveTextAsync("已办结（通过）。");
        await Expect(department.GetByTestId("item")).ToContainTextAsync("11办结（通过）");
    }
}

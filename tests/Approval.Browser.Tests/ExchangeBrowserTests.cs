using Approval.EndToEnd.Tests;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Approval.Browser.Tests;

/// <summary>
/// Issue 20 in the portal: the region admin opens 数据共享交换, sends now and follows the backlog to its end, sees each
/// national table's counts, the problem rows with their reasons, and the reconciliation against the front database.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class ExchangeBrowserTests(PortalFixture portal)
{
    [Fact]
    public async Task The_region_admin_sends_now_follows_the_backlog_and_reconciles()
    {
        var page = await portal.NewPageAsync();
        await Ui.StepsAsync(page, "admin-exchange", async () =>
        {
            await Ui.SignInAsync(page, "admin", "/", Accounts.AdminPassword, secondFactor: true);
            await page.GetByRole(AriaRole.Link, new() { Name = "数据共享交换（省级上报）" }).ClickAsync();
            await page.WaitForURLAsync("**/admin/exchange");
            await Ui.InteractiveAsync(page);
            await Expect(page.GetByTestId("exchange-table-SPGL_XMJBXXB")).ToContainTextAsync("项目基本信息表");
            await Expect(page.GetByTestId("exchange-table-SPGL_XMSPSXBLXXXXB")).ToContainTextAsync("项目审批事项办理详细信息表");

            await page.Locator("#exchange-send").ClickAsync();
            await Expect(page.GetByTestId("exchange-queued")).ToContainTextAsync("全部数据已处理", new() { Timeout = 90_000 });
            await Expect(page.GetByTestId("exchange-pending")).ToHaveTextAsync("0");
            await Expect(page.GetByTestId("exchange-last-run")).ToContainTextAsync("上次上报");
            await Ui.ScreenshotAsync(page, "exchange-sent");

            // Consistent once no round is between its two commits (front rows, then their state here): asked again until then.
            var consistent = "一致：前置库行数与已上报行数相符。";
            var deadline = DateTime.UtcNow.AddSeconds(60);
            do
            {
                await page.Locator("#exchange-reconcile").ClickAsync();
                await Expect(page.GetByTestId("exchange-consistent")).ToBeVisibleAsync();
            } while (await page.GetByTestId("exchange-consistent").InnerTextAsync() != consistent && DateTime.UtcNow < deadline);
            await Expect(page.GetByTestId("exchange-consistent")).ToHaveTextAsync(consistent);
            await page.Locator("#exchange-show-failed").ClickAsync();
            await Expect(page.GetByTestId("exchange-rows")).ToContainTextAsync("问题数据（省级退回）");
            await Ui.ScreenshotAsync(page, "exchange-reconciled");
        });
    }
}

using System.Text.RegularExpressions;
using Approval.EndToEnd.Tests;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Approval.Browser.Tests;

/// <summary>
/// Issue 15 item 9 in the portal: while next year's 节假日安排 is missing (within 90 days of it — this suite runs on the real
/// date), the region admin is warned on every page; a wrong schedule is refused with the API's message under its field; the
/// uploaded year appears in the list and the warning is gone.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed partial class HolidayScheduleTests(PortalFixture portal)
{
    [GeneratedRegex(@"(\d{4})年节假日安排尚未加载")]
    private static partial Regex MissingYear();

    [Fact]
    public async Task The_region_admin_is_warned_of_the_missing_year_and_uploads_it()
    {
        var page = await portal.NewPageAsync();
        await Ui.StepsAsync(page, "admin-loads-next-year", async () =>
        {
            await Ui.SignInAsync(page, "admin", "/", Accounts.AdminPassword, secondFactor: true);
            var banner = page.GetByTestId("calendar-warning-banner");
            await Expect(banner).ToContainTextAsync("年节假日安排尚未加载，跨年期限按工作日暂定");
            var year = int.Parse(MissingYear().Match(await banner.InnerTextAsync()).Groups[1].Value);
            await banner.GetByRole(AriaRole.Link, new() { Name = "前往节假日安排上传" }).ClickAsync();
            await page.WaitForURLAsync("**/admin/calendar");
            await Ui.InteractiveAsync(page);
            await Ui.ScreenshotAsync(page, "holiday-schedule-missing");

            // A make-up day on a weekday is refused, named under its field; nothing is loaded.
            await page.GetByLabel("年度").FillAsync(year.ToString());
            await page.GetByLabel("放假日期").FillAsync($"{year}-01-01");
            var weekday = Enumerable.Range(0, 7).Select(d => new DateOnly(year, 3, 1).AddDays(d)).First(d => d.DayOfWeek == DayOfWeek.Wednesday);
            await page.GetByLabel("调休上班日期（周六或周日）").FillAsync($"{weekday:yyyy-MM-dd}");
            await page.Locator("#upload-calendar-year").ClickAsync();
            await Expect(page.Locator("#calendar-workdays-error")).ToContainTextAsync($"{weekday:yyyy-MM-dd}");
            await Expect(page.GetByTestId($"calendar-year-{year}")).ToHaveCountAsync(0);

            await page.GetByLabel("调休上班日期（周六或周日）").FillAsync("");
            await page.Locator("#upload-calendar-year").ClickAsync();
            await Expect(page.GetByTestId("calendar-uploaded")).ToBeVisibleAsync();
            await Expect(page.GetByTestId($"calendar-year-{year}")).ToContainTextAsync($"{year}-01-01");
            await Ui.GotoAsync(page, "/");
            await Expect(page.GetByTestId("calendar-warning-banner")).ToHaveCountAsync(0);
            await Ui.ScreenshotAsync(page, "holiday-schedule-loaded");
        });
    }
}

using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Approval.Browser.Tests;

/// <summary>
/// What updates by itself: the applicant's open 办理进度 page follows Intake's progress stream (实时更新中) and shows the
/// window's acceptance and the item's clock within seconds, while its fallback re-read is set far beyond that; the
/// 消息通知 badge in the menu counts the unread notices and drops as the applicant reads them.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed partial class LiveUpdatesTests(PortalFixture portal)
{
    /// <summary>How long the open page may take to show the acceptance: much less than the fallback re-read.</summary>
    private const int LiveDeadlineMs = 15_000;

    [Fact]
    public async Task The_open_progress_page_follows_the_stream_and_the_badge_counts_unread_notices()
    {
        Assert.True(LiveDeadlineMs < PortalFixture.ProgressFallbackSeconds * 1000 / 10, "the deadline must prove the stream, not the fallback");
        var projectName = Ui.NewProjectName();
        var (applicant, id) = await Applicant.DemoSubmitsAsync(portal, projectName, "applicant-opens-progress");
        await Expect(applicant.GetByTestId("live-state")).ToHaveTextAsync("实时更新中");
        await Expect(applicant.GetByTestId("item-clock")).ToHaveTextAsync("");

        var window = await portal.NewPageAsync();
        await Ui.StepsAsync(window, "window-accepts", async () =>
        {
            await Ui.SignInAsync(window, Ui.DemoWindow, $"/window/applications/{id}");
            await window.Locator("#accept").ClickAsync();
            await Expect(window.GetByTestId("done")).ToHaveTextAsync("已受理，事项已分送各审批部门。");
        });

        await Ui.StepsAsync(applicant, "applicant-sees-it-live", async () =>
        {
            // no reload, no 刷新: the stream's events make the page read again
            var live = new LocatorAssertionsToContainTextOptions { Timeout = LiveDeadlineMs };
            await Expect(applicant.GetByTestId("application")).ToContainTextAsync("3已受理", live);
            await Expect(applicant.GetByTestId("item-clock")).ToContainTextAsync("正常", live);
            await Expect(applicant.GetByTestId("timeline")).ToContainTextAsync("已受理");
            await Expect(applicant.GetByTestId("live-state")).ToHaveTextAsync("实时更新中");
            await Ui.ScreenshotAsync(applicant, "applicant-live-progress");
        });

        await Ui.StepsAsync(applicant, "applicant-reads-notices", async () =>
        {
            // The layout reads the unread count on every navigation: going to 我的申请 shows the badge (the notices of
            // this case arrive through the bus, so perhaps after a few clicks).
            var badge = applicant.GetByTestId("unread-badge");
            var menu = applicant.GetByRole(AriaRole.Navigation, new() { Name = "主菜单" });
            await Ui.ClickUntilVisibleAsync(menu.GetByRole(AriaRole.Link, new() { Name = "我的申请" }), badge);
            await Expect(badge).ToHaveTextAsync(Count());

            await menu.GetByRole(AriaRole.Link, new() { Name = "消息通知" }).ClickAsync();
            await Expect(applicant.GetByRole(AriaRole.Heading, new() { Name = "消息通知" })).ToBeVisibleAsync();
            var accepted = applicant.GetByTestId("notices").Locator("li", new() { HasText = projectName }).Filter(new() { HasText = "申请已受理" });
            await Ui.ClickUntilVisibleAsync(applicant.Locator("#refresh-notices"), accepted);
            await Expect(badge).ToHaveTextAsync(Count());
            var before = int.Parse(await badge.InnerTextAsync());
            await Expect(applicant.GetByTestId("unread")).ToHaveTextAsync($"未读 {before} 条");
            await Ui.ScreenshotAsync(applicant, "applicant-unread-badge");

            await accepted.GetByRole(AriaRole.Button, new() { Name = "标为已读" }).ClickAsync();
            await Expect(applicant.GetByTestId("unread")).ToHaveTextAsync($"未读 {before - 1} 条");
            if (before > 1) await Expect(badge).ToHaveTextAsync((before - 1).ToString());
            else await Expect(badge).ToHaveCountAsync(0);

            if (before > 1) await applicant.Locator("#read-all").ClickAsync();
            await Expect(applicant.GetByTestId("unread")).ToHaveTextAsync("未读 0 条");
            await Expect(badge).ToHaveCountAsync(0);
            await Expect(applicant.Locator("#read-all")).ToHaveCountAsync(0);
        });
    }

    [GeneratedRegex(@"^[1-9]\d*$")]
    private static partial Regex Count();
}

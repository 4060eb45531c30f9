using System.Text;
using Approval.EndToEnd.Tests;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Approval.Browser.Tests;

/// <summary>
/// Issue 23, the window after 受理: the window enters a mailed submission (邮寄收件) for the demo applicant found by the
/// account search, uploads the scan of a paper material for them (窗口代收纸质材料扫描件) and accepts; dept-ZJJ concludes
/// through the API; the window sees the item's outcome, issues the consolidated result notice (办结结果通知) and ships the
/// paper certificate with a tracking number; the applicant's 办理进度 shows the tracking and the scan marked as the window's.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class WindowAfterAcceptanceTests(PortalFixture portal)
{
    [Fact]
    public async Task The_window_uploads_a_mailed_submissions_scans_issues_the_result_notice_and_ships_the_certificate()
    {
        var projectName = Ui.NewProjectName();
        var phase = await portal.PhaseAsync(projectName);
        await portal.PassedReviewAsync(phase); // the permit's 通过 needs the construction-drawing review
        var window = await portal.NewPageAsync();
        var id = Guid.Empty;
        await Ui.StepsAsync(window, "window-enters-mailed-submission-with-scans", async () =>
        {
            await Ui.SignInAsync(window, Ui.DemoWindow, "/window/counter");
            await window.GetByLabel("邮寄收件").CheckAsync();
            await window.GetByLabel("查找申请人账户（姓名或单位名称、用户名、手机号码，至少2个字）").FillAsync("x");
            await window.Locator("#account-search").ClickAsync();
            await Expect(window.Locator("#account-query-error")).ToContainTextAsync("查询内容应为2至50个字符");
            await window.GetByLabel("查找申请人账户（姓名或单位名称、用户名、手机号码，至少2个字）").FillAsync(Ui.DemoApplicant);
            await window.Locator("#account-search").ClickAsync();
            var found = window.GetByTestId("account-results").Locator($"tr[data-user='{Ui.DemoApplicant}']");
            await Expect(found).ToContainTextAsync("示范建设有限公司");
            await found.GetByRole(AriaRole.Button, new() { Name = "选择" }).ClickAsync();
            await Expect(window.GetByLabel("申请人名称")).ToHaveValueAsync("示范建设有限公司");
            await Applicant.FillProjectAsync(window, projectName, phase);
            await window.GetByLabel("建设规模").FillAsync("3万平方米");
            await Expect(window.GetByTestId("counter-materials")).ToContainTextAsync("纸质材料扫描件");
            await window.Locator("#counter-submit").ClickAsync();
            await window.WaitForURLAsync("**/window/applications/*", new() { Timeout = 30_000 });
            id = Guid.Parse(new Uri(window.Url).Segments[^1]);
            await Expect(window.GetByTestId("channel")).ToHaveTextAsync("收件方式：邮寄 · 收件人：综合窗口王五");

            var scans = window.GetByTestId("scanned-materials");
            await Expect(scans).ToHaveAttributeAsync("data-ready", "true");
            await Ui.ChooseFileAsync(scans.Locator("[data-material='施工合同'] input[type=file]"), new FilePayload
            {
                Name = "施工合同扫描件.pdf", MimeType = "application/pdf", Buffer = Encoding.UTF8.GetBytes($"%PDF-1.7\n% 施工合同 {Guid.NewGuid()}\n%%EOF\n"),
            });
            await Expect(window.GetByTestId("scanned-status")).ToHaveTextAsync("已上传扫描件：施工合同（施工合同扫描件.pdf）", new() { Timeout = 15_000 });
            await Expect(window.GetByTestId("materials").GetByTestId("scanned-by-window")).ToContainTextAsync("窗口代收纸质材料扫描件 · 综合窗口王五上传于");
            await Ui.ScreenshotAsync(window, "window-scanned-materials");
            await window.Locator("#accept").ClickAsync();
            await Expect(window.GetByTestId("application")).ToContainTextAsync("3已受理");
        });

        // dept-ZJJ starts and approves through the API (its screens are CaseJourneyTests').
        var zjj = (await new OidcClient(portal.Gateway).SignInAsync("dept-ZJJ", Accounts.DemoPassword, Accounts.DemoTotpKey)).AccessToken;
        var items = await portal.SendAsync(zjj, HttpMethod.Get, $"/api/approvals/items?applicationId={id}");
        for (var deadline = DateTime.UtcNow.AddSeconds(30); items.GetArrayLength() == 0; items = await portal.SendAsync(zjj, HttpMethod.Get, $"/api/approvals/items?applicationId={id}"))
        {
            Assert.True(DateTime.UtcNow < deadline, "the item did not reach dept-ZJJ");
            await Task.Delay(500);
        }
        var item = $"/api/approvals/items/{items[0].GetProperty("id").GetGuid()}";
        await portal.SendAsync(zjj, HttpMethod.Post, $"{item}/start", new { });
        await portal.SendAsync(zjj, HttpMethod.Post, $"{item}/conclude", new { approved = true, opinion = "准予施工许可（邮寄送达）" });

        await Ui.StepsAsync(window, "window-issues-the-notice-and-ships", async () =>
        {
            var results = window.GetByTestId("window-results");
            for (var deadline = DateTime.UtcNow.AddSeconds(30); ; await Task.Delay(1000))
            {
                await Ui.GotoAsync(window, $"/window/applications/{id}");
                await Expect(results.GetByTestId("item-outcomes")).ToBeVisibleAsync();
                if (await window.Locator("#issue-notice").CountAsync() > 0) break;
                Assert.True(DateTime.UtcNow < deadline, "the conclusion did not reach the window's results");
            }
            await Expect(results.GetByTestId("item-outcomes")).ToContainTextAsync("11办结（通过）");
            await Expect(results.GetByTestId("item-outcomes")).ToContainTextAsync("准予施工许可（邮寄送达）");
            await window.Locator("#issue-notice").ClickAsync();
            await Expect(window.GetByTestId("results-status")).ToHaveTextAsync("已出具办结结果通知。");
            await Expect(results.GetByTestId("notice-issued")).ToContainTextAsync("出具人：综合窗口王五");
            var href = await results.GetByTestId("notice-download").GetAttributeAsync("href") ?? "";
            Assert.StartsWith("data:text/html;charset=utf-8;base64,", href);
            var notice = Encoding.UTF8.GetString(Convert.FromBase64String(href[(href.IndexOf(',') + 1)..]));
            Assert.Contains("准予施工许可（邮寄送达）", notice);
            Assert.Contains(projectName, notice);

            await window.Locator("#delivery-request").ClickAsync();
            await Expect(window.Locator("#recipient-error")).ToContainTextAsync("收件人必填");
            await window.GetByLabel("收件人").FillAsync("张建国");
            await window.GetByLabel("联系电话").FillAsync("13800138000");
            await window.GetByLabel("邮寄地址").FillAsync("苏州工业园区星湖街328号");
            await window.Locator("#delivery-request").ClickAsync();
            await Expect(results.GetByTestId("delivery-tracking")).ToContainTextAsync("待寄出");
            await window.GetByLabel("快递公司").FillAsync("中国邮政EMS");
            await window.GetByLabel("邮件单号").FillAsync("EMS1234567890");
            await window.Locator("#delivery-ship").ClickAsync();
            await Expect(results.GetByTestId("delivery-tracking")).ToContainTextAsync("已寄出");
            await Expect(results.GetByTestId("delivery-tracking")).ToContainTextAsync("中国邮政EMS 邮件单号 EMS1234567890");
            await Ui.ScreenshotAsync(window, "window-results-shipped");
        });

        var applicant = await portal.NewPageAsync();
        await Ui.StepsAsync(applicant, "applicant-sees-tracking-and-scans", async () =>
        {
            await Ui.SignInAsync(applicant, Ui.DemoApplicant, $"/applications/{id}");
            var delivery = applicant.GetByTestId("result-delivery");
            await Expect(delivery.GetByTestId("notice-issued")).ToContainTextAsync("综合窗口已出具办结结果通知");
            await Expect(delivery.GetByTestId("delivery-tracking")).ToContainTextAsync("EMS1234567890");
            await Expect(delivery).ToContainTextAsync("由综合窗口王五代为登记");
            await Expect(applicant.GetByTestId("materials").GetByTestId("scanned-by-window")).ToContainTextAsync("窗口代收纸质材料扫描件");
            await Ui.ScreenshotAsync(applicant, "applicant-sees-tracking");
        });
    }
}

using Approval.EndToEnd.Tests;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Approval.Browser.Tests;

/// <summary>Without logging in: the home page, the catalog (flows, stages, items, search, one item's guide), a missing page, and the staff-only pages sending to login.</summary>
[Collection(PortalCollection.Name)]
public sealed class PublicPagesTests(PortalFixture portal)
{
    [Fact]
    public async Task Anyone_browses_and_searches_the_catalog_and_reads_an_items_guide()
    {
        var page = await portal.NewPageAsync();
        await Ui.StepsAsync(page, "catalog", async () =>
        {
            await Ui.GotoAsync(page, "/");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "工程建设项目审批管理系统" })).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Navigation, new() { Name = "主菜单" }).GetByRole(AriaRole.Link, new() { Name = "办事指南（事项目录）" }).ClickAsync();
            await page.WaitForURLAsync("**/catalog");
            await Expect(page.GetByTestId("flow").First).ToContainTextAsync("施工许可");
            await Ui.ScreenshotAsync(page, "catalog");
            await page.GetByLabel("搜索事项").FillAsync("建筑垃圾");
            await page.GetByRole(AriaRole.Button, new() { Name = "搜索" }).ClickAsync();
            await Expect(page.GetByText("搜索结果")).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "城市建筑垃圾处置核准" }).First.ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "城市建筑垃圾处置核准" })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("materials")).ToBeVisibleAsync();
            await Ui.ScreenshotAsync(page, "catalog-item");

            var missing = await page.GotoAsync("/no-such-page");
            Assert.Equal(404, missing!.Status);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "页面不存在" })).ToBeVisibleAsync();
        });
    }

    [Fact]
    public async Task A_staff_page_sends_a_visitor_to_the_login_page_and_back()
    {
        var page = await portal.NewPageAsync();
        await Ui.StepsAsync(page, "login-redirect", async () =>
        {
            await page.GotoAsync("/window");
            await page.WaitForURLAsync("**/account/login?ReturnUrl=*");
            await Expect(page.GetByLabel("用户名")).ToBeVisibleAsync();
            await Ui.ScreenshotAsync(page, "login");
            await page.GetByLabel("用户名").FillAsync(Ui.DemoApplicant);
            await page.GetByLabel("密码").FillAsync("wrong-password");
            await page.Locator("#login-submit").ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("用户名或密码不正确");

            // And back: the window's own password and authenticator code end on the page first asked for, signed in.
            await page.GetByLabel("用户名").FillAsync(Ui.DemoWindow);
            await page.GetByLabel("密码").FillAsync(Accounts.DemoPassword);
            await page.Locator("#login-submit").ClickAsync();
            var totp = page.GetByLabel("动态口令（身份验证器的6位数字）");
            await Expect(totp).ToBeVisibleAsync();
            await totp.FillAsync(Totp.Code(Accounts.DemoTotpKey));
            await page.Locator("#login-submit").ClickAsync();
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/window", new() { Timeout = 30_000 });
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "综合窗口待办" })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("signed-in-as")).ToBeVisibleAsync();
        });
    }
}

using Approval.EndToEnd.Tests;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Approval.Browser.Tests;

/// <summary>Without logging in: the catalog (flows, stages, items, search, one item's guide) and the staff-only pages sending to login.</summary>
[Collection(PortalCollection.Name)]
public sealed class PublicPagesTests(PortalFixture portal)
{
    [Fact]
    public async Task Anyone_browses_and_searches_the_catalog_and_reads_an_items_guide()
    {
        var page = await portal.NewPageAsync();
        await Ui.StepsAsync(page, "catalog", async () =>
        {
            await Ui.GotoAsync(page, "/catalog");
            await Expect(page.GetByTestId("flow").First).ToContainTextAsync("施工许可");
            await Ui.ScreenshotAsync(page, "catalog");
            await page.GetByLabel("搜索事项").FillAsync("建筑垃圾");
            await page.GetByRole(AriaRole.Button, new() { Name = "搜索" }).ClickAsync();
            await Expect(page.GetByText("搜索结果")).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "城市建筑垃圾处置核准" }).First.ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "城市建筑垃圾处置核准" })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("materials")).ToBeVisibleAsync();
            await Ui.ScreenshotAsync(page, "catalog-item");
        });
    }

    [Fact]
    public async Task A_code_flow_started_without_the_identity_login_cookie_passes_the_login_page_and_returns()
    {
        var page = await portal.NewPageAsync();
        await Ui.StepsAsync(page, "authorize-without-cookie", async () =>
        {
            // /account/signin goes straight to /connect/authorize; the Identity service sends the browser to its
            // login path, which the gateway serves with the portal's login page; the page then resumes the flow.
            await page.GotoAsync("/account/signin?returnUrl=%2Fapply");
            await page.WaitForURLAsync("**/api/identity/login?ReturnUrl=*");
            await page.GetByLabel("用户名").FillAsync(Ui.DemoApplicant);
            await page.GetByLabel("密码").FillAsync(Accounts.DemoPassword);
            await page.Locator("#login-submit").ClickAsync();
            await page.WaitForURLAsync("**/apply");
            await Expect(page.GetByTestId("signed-in-as")).ToHaveTextAsync("示范建设有限公司");
            await Expect(page.GetByLabel("审批阶段")).ToBeVisibleAsync();
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
        });
    }
}

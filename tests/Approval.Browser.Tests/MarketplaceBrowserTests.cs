using Approval.EndToEnd.Tests;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Approval.Browser.Tests;

/// <summary>
/// Issue 17 in the portal: an intermediary's staff registers the agency on 中介机构工作台 (a wrong credit code is named under
/// its field), the region admin verifies it on 中介机构审核, and anyone finds it in 中介服务超市.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class MarketplaceBrowserTests(PortalFixture portal)
{
    private const string Name = "示范规划设计研究院有限公司";

    [Fact]
    public async Task An_agency_registers_the_admin_verifies_it_and_the_public_directory_lists_it()
    {
        var agency = await portal.NewPageAsync();
        await Ui.StepsAsync(agency, "agency-registers", async () =>
        {
            await Ui.SignInAsync(agency, "agency-ZJ04", "/agency");
            await Expect(agency.GetByRole(AriaRole.Heading, new() { Name = "中介机构工作台" })).ToBeVisibleAsync();
            // ZJ04 may be registered already (MarketAgencySetup): its registration, read after the form shows, would
            // overwrite what is typed before it arrives (a full run typed a bad credit code and the stored one replaced it).
            await Expect(agency.GetByTestId("agency-registration")).ToHaveAttributeAsync("data-ready", "true");
            await agency.GetByLabel("机构名称").FillAsync(Name);
            await agency.GetByLabel("统一社会信用代码").FillAsync("91320193MA20000040");
            await agency.GetByLabel("联系方式").FillAsync("0512-60009004");
            await agency.GetByLabel("从业人员数").FillAsync("40");
            await agency.GetByLabel("最低收费（元）").FillAsync("3000");
            await agency.GetByLabel("最高收费（元）").FillAsync("90000");
            await agency.GetByLabel("服务区域").FillAsync("320193");
            await agency.GetByLabel("地形图测绘").CheckAsync();
            await agency.GetByLabel("资质类别").FillAsync("测绘资质");
            await agency.GetByLabel("等级").FillAsync("乙级");
            await agency.GetByLabel("发证机关").FillAsync("江苏省自然资源厅");
            await agency.GetByLabel("证书编号").FillAsync("B132019004");
            await agency.GetByLabel("有效期自").FillAsync("2025-01-01");
            await agency.GetByLabel("有效期至").FillAsync("2029-12-31");
            await agency.Locator("#register-agency").ClickAsync();
            await Expect(agency.GetByRole(AriaRole.Alert).Filter(new() { HasText = "GB 32100" })).ToBeVisibleAsync(new() { Timeout = 30_000 });

            await agency.GetByLabel("统一社会信用代码").FillAsync("91320193MA2000004P");
            await agency.Locator("#register-agency").ClickAsync();
            await Expect(agency.GetByTestId("done")).ToContainTextAsync("等待区域管理员审核", new() { Timeout = 30_000 });
            await Expect(agency.GetByRole(AriaRole.Heading, new() { Name = "入驻登记（待审核）" })).ToBeVisibleAsync();
            await Ui.ScreenshotAsync(agency, "marketplace-agency-registered");
        });

        var admin = await portal.NewPageAsync();
        await Ui.StepsAsync(admin, "admin-verifies-agency", async () =>
        {
            await Ui.SignInAsync(admin, "admin", "/admin/agencies", Accounts.AdminPassword, secondFactor: true);
            var card = admin.GetByRole(AriaRole.Region, new() { Name = Name });
            await card.GetByRole(AriaRole.Button, new() { Name = "认证通过" }).ClickAsync();
            await Expect(admin.GetByTestId("done")).ToContainTextAsync($"{Name}：已认证");
            await Expect(card.GetByTestId("agency-status")).ToHaveTextAsync("已认证");
            await Ui.ScreenshotAsync(admin, "marketplace-admin-verified");
        });

        var visitor = await portal.NewPageAsync();
        await Ui.StepsAsync(visitor, "public-directory", async () =>
        {
            await Ui.GotoAsync(visitor, "/marketplace");
            var row = visitor.GetByTestId("agencies").GetByRole(AriaRole.Row).Filter(new() { HasText = Name });
            await Expect(row).ToContainTextAsync("地形图测绘");
            await Expect(row).ToContainTextAsync("（有效）");
            await row.GetByRole(AriaRole.Link, new() { Name = Name }).ClickAsync();
            await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = Name })).ToBeVisibleAsync();
            await Expect(visitor.GetByTestId("service-areas")).ToHaveTextAsync(" · 服务区域：320193");
            await Ui.ScreenshotAsync(visitor, "marketplace-agency-page");
        });
    }
}

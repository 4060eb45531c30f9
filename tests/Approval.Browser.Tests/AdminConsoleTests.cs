using Approval.EndToEnd.Tests;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Approval.Browser.Tests;

/// <summary>
/// Issue 23, the region admin's console: the admin drafts a new version of an item from the one in force, adds a
/// material (a bad entry refused under its field first), publishes it after confirming, and the public guide shows it;
/// the admin resets a staff member's 动态口令 and the key shown once replaces the old authenticator.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class AdminConsoleTests(PortalFixture portal)
{
    /// <summary>An acceptance item no other browser test reads; an optional material changes no one's submission.</summary>
    private const string Item = "320193-DA-YS-001";

    private const string ClerkPassword = "Clerk#2026pass";

    [Fact]
    public async Task The_admin_publishes_a_new_item_version_with_a_material_and_the_public_guide_shows_it()
    {
        var page = await portal.NewPageAsync();
        await Ui.StepsAsync(page, "admin-publishes-item-version", async () =>
        {
            await Ui.SignInAsync(page, "admin", "/admin/catalog", Accounts.AdminPassword, secondFactor: true);
            await page.GetByLabel("事项名称或编码").FillAsync("档案验收");
            await page.Locator("#search-items").ClickAsync();
            var row = page.GetByTestId("editor-items").Locator("tr", new() { HasText = Item });
            await row.GetByRole(AriaRole.Link, new() { Name = "维护 建设工程档案验收" }).ClickAsync();
            await Ui.InteractiveAsync(page);
            await Expect(page.GetByTestId("item-version-1")).ToContainTextAsync("已发布（现行）");

            await page.Locator("#new-draft").ClickAsync();
            await Expect(page.GetByTestId("editor-status")).ToContainTextAsync("新建草稿第2版");
            var material = $"竣工档案补充说明{Random.Shared.Next(1000, 9999)}";
            var count = await page.GetByTestId("draft-materials").Locator("tbody tr").CountAsync();
            await page.Locator("#add-material").ClickAsync();
            await page.GetByLabel($"第{count + 1}项材料名称").FillAsync(material);
            await page.GetByLabel($"第{count + 1}项材料必需").UncheckAsync();
            // A negative number of copies is refused, named under the material's row.
            await page.GetByLabel($"第{count + 1}项材料份数").FillAsync("-1");
            await page.Locator("#save-draft").ClickAsync();
            await Expect(page.Locator($"#material-error-{count}")).ToContainTextAsync("份数不能为负");
            await page.GetByLabel($"第{count + 1}项材料份数").FillAsync("1");
            await page.Locator("#save-draft").ClickAsync();
            await Expect(page.GetByTestId("editor-status")).ToContainTextAsync("草稿第2版已保存");
            await Ui.ScreenshotAsync(page, "catalog-editor-draft");

            await page.Locator("#publish-draft").ClickAsync();
            await Expect(page.GetByTestId("publish-confirm")).ToContainTextAsync("确认发布");
            await page.Locator("#confirm-publish").ClickAsync();
            await Expect(page.GetByTestId("editor-status")).ToContainTextAsync("第2版已发布");
            await Expect(page.GetByTestId("item-version-2")).ToContainTextAsync("已发布（现行）");

            await Ui.GotoAsync(page, $"/catalog/items/{Item}");
            await Expect(page.GetByText($"事项编码 {Item}（第2版）", new() { Exact = false })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("materials")).ToContainTextAsync(material);
        });
    }

    [Fact]
    public async Task The_admin_resets_a_staff_members_TOTP_and_only_the_new_key_signs_in()
    {
        var clerk = Accounts.NewUserName("totp");
        var oidc = new OidcClient(portal.Gateway);
        var page = await portal.NewPageAsync();
        await Ui.StepsAsync(page, "admin-resets-totp", async () =>
        {
            await Ui.SignInAsync(page, "admin", "/admin/staff", Accounts.AdminPassword, secondFactor: true);
            await page.GetByLabel("用户名", new() { Exact = true }).FillAsync(clerk);
            await page.GetByLabel("姓名", new() { Exact = true }).FillAsync("口令重置测试员");
            await page.GetByLabel("综合窗口").CheckAsync();
            await page.GetByLabel("初始密码（新账户必填；修改时留空则不变）").FillAsync(ClerkPassword);
            await page.Locator("#save-staff").ClickAsync();
            await Expect(page.GetByTestId("staff-status")).ToContainTextAsync($"账户 {clerk} 已保存");

            await oidc.SignInAsync(clerk, ClerkPassword); // first sign-in enrols an authenticator
            var oldKey = OidcClient.EnrolledKeys[clerk];

            await page.GetByLabel("姓名或用户名").FillAsync(clerk);
            await page.Locator("#search-staff").ClickAsync();
            await Expect(page.GetByTestId($"staff-{clerk}")).ToContainTextAsync("综合窗口");
            // the row may be re-rendered by the search's answer just as it is clicked: click until the confirmation shows
            await Ui.ClickUntilVisibleAsync(page.Locator($"#reset-totp-{clerk}"), page.Locator($"#confirm-reset-{clerk}"), seconds: 30);
            await page.Locator($"#confirm-reset-{clerk}").ClickAsync();
            await Expect(page.GetByTestId("staff-status")).ToContainTextAsync($"已为 {clerk} 重置动态口令");
            var newKey = (await page.GetByTestId("totp-secret").InnerTextAsync()).Trim();
            Assert.NotEqual(oldKey, newKey);
            await Expect(page.GetByTestId("totp-uri")).ToContainTextAsync($"secret={newKey}");
            await Ui.ScreenshotAsync(page, "staff-totp-reset");

            if (Totp.Code(oldKey) != Totp.Code(newKey))
                Assert.Equal(HttpStatusCode.Unauthorized, (await Assert.ThrowsAsync<OidcException>(() => oidc.SignInAsync(clerk, ClerkPassword))).Status);
            OidcClient.EnrolledKeys[clerk] = newKey;
            await oidc.SignInAsync(clerk, ClerkPassword);
        });

        // The admin's other two screens, read as they open (and audited for WCAG 2.1 AA at the end of the steps).
        await Ui.StepsAsync(page, "admin-opens-organisations-and-clients", async () =>
        {
            await Ui.GotoAsync(page, "/admin/organisations");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "机构管理", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("示范区住房和城乡建设局"); // one main landmark
            await Ui.GotoAsync(page, "/admin/clients");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "机构业务系统接入", Level = 1 })).ToBeVisibleAsync();
        });
    }
}

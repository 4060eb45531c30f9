using System.Text.Json;

namespace Approval.EndToEnd.Tests;

/// <summary>
/// The region admin's staff screens' APIs (issue 23): the region's staff list and 重置动态口令 (own region only, the key
/// shown once, the old authenticator's codes refused afterwards); and the catalog editor opened to the region admin.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class StaffAdminTests(SuiteFixture suite)
{
    private static readonly Actor Admin = new("staff-admin-e2e", "region-admin", Name: "账户管理员");
    private readonly SuiteApi api = new(suite.Gateway);

    private async Task<HttpStatusCode> SignInAsync(string userName, string code)
    {
        using var http = LoopbackClients.ForOnePerson(suite.Gateway.BaseAddress!, new CookieContainer());
        using var first = await http.PostAsJsonAsync("/api/identity/login", new { userName, password = ActorTokens.ActorPassword });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using var totp = await http.PostAsJsonAsync("/api/identity/login/totp", new { code });
        return totp.StatusCode;
    }

    [Fact]
    public async Task The_region_admin_lists_its_staff_and_resets_a_staff_members_TOTP_the_old_code_fails_and_the_new_key_works()
    {
        var clerk = new Actor(Accounts.NewUserName("reset"), "window", Name: "口令重置窗口");
        await ActorTokens.ForAsync(clerk); // created and enrolled on first sign-in
        var oldKey = OidcClient.EnrolledKeys[clerk.User];

        var listed = await api.ExpectAsync(HttpStatusCode.OK, Admin, HttpMethod.Get, $"/api/identity/staff?q={clerk.User}");
        var row = Assert.Single(listed.EnumerateArray());
        Assert.Equal(["window"], row.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Contains((await api.ExpectAsync(HttpStatusCode.OK, Admin, HttpMethod.Get, "/api/identity/staff?organisation=ZJJ")).EnumerateArray(),
            a => a.GetProperty("userName").GetString() == "dept-ZJJ" || a.GetProperty("organisationCode").GetString() == "ZJJ");
        // Another region's admin sees none of this region's staff.
        var elsewhere = await api.ExpectAsync(HttpStatusCode.OK, AccessMatrixRows.OtherRegionAdmin, HttpMethod.Get, $"/api/identity/staff?q={clerk.User}");
        Assert.Equal(0, elsewhere.GetArrayLength());

        var reset = $"/api/identity/staff/{clerk.User}/totp-reset";
        await api.ExpectAsync(HttpStatusCode.NotFound, AccessMatrixRows.OtherRegionAdmin, HttpMethod.Post, reset);
        await api.ExpectAsync(HttpStatusCode.Forbidden, Actor.Window, HttpMethod.Post, reset);
        using (var anonymous = await suite.Gateway.PostAsync(reset, null)) Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await SignInAsync(clerk.User, Totp.Code(oldKey))); // none of those changed the key

        var answer = await api.ExpectAsync(HttpStatusCode.OK, Admin, HttpMethod.Post, reset);
        var newKey = answer.GetProperty("sharedKey").GetString()!;
        OidcClient.EnrolledKeys[clerk.User] = newKey;
        Assert.NotEqual(oldKey, newKey);
        Assert.StartsWith($"otpauth://totp/Approval%3A{clerk.User}?secret={newKey}", answer.GetProperty("authenticatorUri").GetString());
        if (Totp.Code(oldKey) != Totp.Code(newKey)) Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync(clerk.User, Totp.Code(oldKey)));
        Assert.Equal(HttpStatusCode.OK, await SignInAsync(clerk.User, Totp.Code(newKey)));
    }

    [Fact]
    public async Task A_TOTP_reset_needs_a_staff_account_of_the_region_and_the_list_refuses_oversized_input()
    {
        await api.ExpectAsync(HttpStatusCode.NotFound, Admin, HttpMethod.Post, "/api/identity/staff/no-such-user-e2e/totp-reset");
        await api.ExpectAsync(HttpStatusCode.NotFound, Admin, HttpMethod.Post, $"/api/identity/staff/{Actor.Applicant.User}/totp-reset");
        await api.ExpectAsync(HttpStatusCode.NotFound, Admin, HttpMethod.Post, $"/api/identity/staff/{new string('x', 300)}/totp-reset");
        var problem = await api.ExpectAsync(HttpStatusCode.BadRequest, Admin, HttpMethod.Get, $"/api/identity/staff?q={new string('x', 101)}");
        Assert.True(problem.GetProperty("errors").TryGetProperty("q", out _), problem.ToString());
        await api.ExpectAsync(HttpStatusCode.Forbidden, Actor.Applicant, HttpMethod.Get, "/api/identity/staff");
        using var anonymous = await suite.Gateway.GetAsync("/api/identity/staff");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task The_region_admin_edits_the_catalog_of_its_own_region_only()
    {
        const string item = "320193-RQ-BX-001";
        var versions = await api.ExpectAsync(HttpStatusCode.OK, Admin, HttpMethod.Get, $"/api/catalog/editor/items/{item}/versions");
        Assert.Equal(JsonValueKind.Object, versions[0].GetProperty("definition").ValueKind);
        await api.ExpectAsync(HttpStatusCode.NotFound, AccessMatrixRows.OtherRegionAdmin, HttpMethod.Get, $"/api/catalog/editor/items/{item}/versions");
        await api.ExpectAsync(HttpStatusCode.Forbidden, Actor.Window, HttpMethod.Get, $"/api/catalog/editor/items/{item}/versions");
    }
}

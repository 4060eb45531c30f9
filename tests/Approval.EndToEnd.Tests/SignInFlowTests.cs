using System.Text.Json;

namespace Approval.EndToEnd.Tests;

/// <summary>The OIDC flows of the Identity service through the gateway: code + PKCE, client credentials, refresh, revocation, bad tokens.</summary>
[Collection(SuiteCollection.Name)]
public sealed class SignInFlowTests(SuiteFixture suite)
{
    private readonly OidcClient oidc = new(suite.Gateway.BaseAddress!);
    private readonly SuiteApi api = new(suite.Gateway);

    [Fact]
    public async Task Discovery_announces_code_with_S256_PKCE_client_credentials_refresh_and_the_keys()
    {
        var discovery = await suite.Gateway.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");
        Assert.Contains("S256", discovery.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(e => e.GetString()));
        var grants = discovery.GetProperty("grant_types_supported").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Superset(new HashSet<string?> { "authorization_code", "client_credentials", "refresh_token" }, grants.ToHashSet());
        Assert.True(discovery.TryGetProperty("revocation_endpoint", out _));
        var jwks = await suite.Gateway.GetFromJsonAsync<JsonElement>("/.well-known/jwks");
        Assert.Contains(jwks.GetProperty("keys").EnumerateArray(), k => k.GetProperty("kty").GetString() == "RSA");
    }

    [Fact]
    public async Task Code_and_PKCE_sign_in_issues_a_signed_token_with_subject_name_organisation_role_and_region()
    {
        var tokens = await oidc.SignInAsync("window-demo", Accounts.DemoPassword, Accounts.DemoTotpKey);
        var claims = tokens.Claims();
        Assert.False(string.IsNullOrEmpty(claims.GetProperty("sub").GetString()));
        Assert.Equal(("综合窗口王五", "ZHCK", "window", "320193", "approval-api"), (
            claims.GetProperty("name").GetString(), claims.GetProperty("org").GetString(), claims.GetProperty("role").GetString(),
            claims.GetProperty("region").GetString(), claims.GetProperty("aud").GetString()));
        Assert.NotNull(tokens.RefreshToken);
        Assert.NotNull(tokens.IdToken);
        using var queue = await suite.Gateway.SendAsync(Accounts.Bearer(HttpMethod.Get, "/api/intake/applications", tokens.AccessToken));
        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
    }

    /// <summary>
    /// Not signed in at the authorize endpoint (or the login cookie expired since): the browser is sent to the portal's
    /// login page on the gateway, and after the password step the same authorize request issues the code.
    /// </summary>
    [Fact]
    public async Task Authorize_without_a_login_sends_the_browser_to_the_login_page_and_back()
    {
        using var handler = new HttpClientHandler { CookieContainer = new System.Net.CookieContainer(), AllowAutoRedirect = false };
        using var browser = new HttpClient(handler) { BaseAddress = suite.Gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var authorize = $"/connect/authorize?response_type=code&client_id={OidcClient.PortalClient}&redirect_uri={Uri.EscapeDataString(OidcClient.RedirectUri)}" +
                        "&scope=openid%20profile&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256&state=s1";
        using var first = await browser.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var login = first.Headers.Location!;
        Assert.False(login.IsAbsoluteUri, $"relative, so the browser stays on the gateway: {login}");
        Assert.StartsWith("/account/login?ReturnUrl=", login.OriginalString);
        var returnUrl = Uri.UnescapeDataString(login.OriginalString["/account/login?ReturnUrl=".Length..]);
        Assert.StartsWith("/connect/authorize?", returnUrl);

        using var page = await browser.GetAsync(login);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("统一身份认证", await page.Content.ReadAsStringAsync());

        using (var password = await browser.PostAsJsonAsync("/api/identity/login", new { userName = "applicant-demo", password = Accounts.DemoPassword }))
            Assert.Equal(HttpStatusCode.OK, password.StatusCode);
        using var again = await browser.GetAsync(returnUrl);
        Assert.Equal(HttpStatusCode.Found, again.StatusCode);
        Assert.StartsWith(OidcClient.RedirectUri + "?code=", again.Headers.Location!.ToString());
        Assert.Contains("state=s1", again.Headers.Location!.ToString());
    }

    [Fact]
    public async Task A_department_system_signs_in_with_client_credentials_and_sees_only_its_departments_items()
    {
        var tokens = await oidc.ClientCredentialsAsync("dept-ZJJ-system", DepartmentSystem.SecretOf("ZJJ"));
        var claims = tokens.Claims();
        Assert.Equal(("ZJJ", "department", "320193"), (claims.GetProperty("org").GetString(), claims.GetProperty("role").GetString(), claims.GetProperty("region").GetString()));

        var id = await api.SubmitAsync(Actor.Applicant, "部门系统对接的项目");
        await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{id}/accept");
        var own = await api.ItemRoutedToAsync("ZJJ", id);
        var other = await api.ItemRoutedToAsync("CGJ", id);
        using var mine = await suite.Gateway.SendAsync(Accounts.Bearer(HttpMethod.Post, $"/api/approvals/items/{own}/start", tokens.AccessToken, new { }));
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        using var theirs = await suite.Gateway.SendAsync(Accounts.Bearer(HttpMethod.Get, $"/api/approvals/items/{other}", tokens.AccessToken));
        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);

        var wrong = await Assert.ThrowsAsync<OidcException>(() => oidc.ClientCredentialsAsync("dept-ZJJ-system", "not-the-secret"));
        Assert.NotEqual(HttpStatusCode.OK, wrong.Status);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_user_get_the_same_401()
    {
        using var wrongPassword = await suite.Gateway.PostAsJsonAsync("/api/identity/login", new { userName = "supervisor-demo", password = "Wrong#2026pass" });
        using var unknownUser = await suite.Gateway.PostAsJsonAsync("/api/identity/login", new { userName = "nobody-at-all", password = "Wrong#2026pass" });
        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (wrongPassword.StatusCode, unknownUser.StatusCode));
        var (a, b) = (await wrongPassword.Content.ReadFromJsonAsync<JsonElement>(), await unknownUser.Content.ReadFromJsonAsync<JsonElement>());
        Assert.Equal(a.GetProperty("detail").GetString(), b.GetProperty("detail").GetString());
        Assert.DoesNotContain("password", a.GetProperty("title").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_so_even_the_right_one_is_refused()
    {
        var actor = new Actor(Accounts.NewUserName("locked"), "applicant", Name: "锁定测试");
        await ActorTokens.ForAsync(actor);
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await suite.Gateway.PostAsJsonAsync("/api/identity/login", new { userName = actor.User, password = "Wrong#2026pass" });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }
        // The right password from the same address (lockout counts per account and address) is refused too.
        using var right = await suite.Gateway.PostAsJsonAsync("/api/identity/login", new { userName = actor.User, password = ActorTokens.ActorPassword });
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
    }

    [Fact]
    public async Task A_refresh_token_renews_the_access_token_until_it_is_revoked()
    {
        var first = await oidc.SignInAsync("supervisor-demo", Accounts.DemoPassword, Accounts.DemoTotpKey);
        var renewed = await oidc.RefreshAsync(first.RefreshToken!);
        Assert.Equal(first.Claims().GetProperty("sub").GetString(), renewed.Claims().GetProperty("sub").GetString());

        using var revoke = await suite.Gateway.PostAsync("/connect/revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = renewed.RefreshToken!, ["token_type_hint"] = "refresh_token", ["client_id"] = OidcClient.PortalClient,
        }));
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        var refused = await Assert.ThrowsAsync<OidcException>(() => oidc.RefreshAsync(renewed.RefreshToken!));
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
    }

    [Fact]
    public async Task A_tampered_or_malformed_token_is_a_401()
    {
        var token = await ActorTokens.ForAsync(Actor.Applicant);
        var parts = token.Split('.');
        // Same signature, payload changed to claim the window role: the signature no longer matches.
        var payload = Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(new { sub = "x", role = "window", region = "320193", aud = "approval-api" }))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        foreach (var forged in new[] { $"{parts[0]}.{payload}.{parts[2]}", "not-a-token", $"{parts[0]}.{parts[1]}." })
        {
            using var response = await suite.Gateway.SendAsync(Accounts.Bearer(HttpMethod.Get, "/api/intake/applications", forged));
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            using var direct = await suite.Gateway.SendAsync(Accounts.Bearer(HttpMethod.Get, "/api/identity/me", forged));
            Assert.Equal(HttpStatusCode.Unauthorized, direct.StatusCode);
        }
    }
}

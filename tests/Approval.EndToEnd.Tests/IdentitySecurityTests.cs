using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Approval.EndToEnd.Tests;

/// <summary>
/// Issue 13's identity findings, probed through the gateway as an outsider would: one department system's credentials
/// never yield another department's token; secrets rotate with a grace period; private_key_jwt; one account per credit
/// code; oversized input is a 4xx; guessing from one address locks no one out elsewhere; sign-out ends the identity session.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class IdentitySecurityTests(SuiteFixture suite) : IDisposable
{
    private const string AssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    /// <summary>
    /// Registrations come from a client address of this test's own: the gateway allows 20 a minute per address, and
    /// the suite's other registering tests must not spend this test's allowance (nor it theirs).
    /// </summary>
    private readonly HttpClient registrar = LoopbackClients.From(LoopbackClients.NewAddress(), suite.Gateway.BaseAddress!);

    public void Dispose() => registrar.Dispose();

    private async Task<(HttpStatusCode Status, JsonElement Body)> TokenAsync(Dictionary<string, string> form)
    {
        using var response = await suite.Gateway.PostAsync("/connect/token", new FormUrlEncodedContent(form));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private Task<(HttpStatusCode Status, JsonElement Body)> ClientCredentialsAsync(string clientId, string secret) =>
        TokenAsync(new() { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret });

    private static string Org(JsonElement tokenResponse) =>
        new OidcTokens(tokenResponse.GetProperty("access_token").GetString()!, null, null).Claims().GetProperty("org").GetString()!;

    private async Task<(HttpStatusCode Status, JsonElement Body)> AsAdminAsync(HttpMethod method, string path, object? body = null, string? token = null)
    {
        using var response = await suite.Gateway.SendAsync(Accounts.Bearer(method, path, token ?? await ActorTokens.AdminTokenAsync(), body));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    [Fact]
    public async Task Each_department_systems_own_secret_yields_its_own_organisation_and_no_other()
    {
        foreach (var code in new[] { "ZJJ", "CGJ" })
        {
            var (status, body) = await ClientCredentialsAsync($"dept-{code}-system", DepartmentSystem.SecretOf(code));
            Assert.True(status == HttpStatusCode.OK, $"{code}'s own secret: {(int)status} {body}");
            Assert.Equal(code, Org(body));
        }
        var (refused, error) = await ClientCredentialsAsync("dept-CGJ-system", DepartmentSystem.SecretOf("ZJJ"));
        Assert.NotEqual(HttpStatusCode.OK, refused);
        Assert.Equal("invalid_client", error.GetProperty("error").GetString());
    }

    [Fact]
    public async Task The_region_admin_lists_and_rotates_a_secret_the_new_one_works_and_the_old_one_within_the_grace_period()
    {
        const string client = "dept-RFB-system";
        var (listed, clients) = await AsAdminAsync(HttpMethod.Get, "/api/identity/clients");
        Assert.Equal(HttpStatusCode.OK, listed);
        var row = clients.EnumerateArray().Single(c => c.GetProperty("clientId").GetString() == client);
        Assert.Equal(("RFB", Accounts.DemoRegion), (row.GetProperty("organisationCode").GetString(), row.GetProperty("regionCode").GetString()));
        Assert.False(row.TryGetProperty("secret", out _), "a listing never shows a secret");

        var (rotated, answer) = await AsAdminAsync(HttpMethod.Post, $"/api/identity/clients/{client}/secret");
        Assert.True(rotated == HttpStatusCode.OK, $"rotation: {(int)rotated} {answer}");
        var secret = answer.GetProperty("secret").GetString()!;
        Assert.True(secret.Length >= 32, secret);
        Assert.True(answer.GetProperty("previousSecretValidUntil").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddHours(23));

        var (fresh, freshBody) = await ClientCredentialsAsync(client, secret);
        Assert.True(fresh == HttpStatusCode.OK, $"new secret: {freshBody}");
        Assert.Equal("RFB", Org(freshBody));
        var (old, oldBody) = await ClientCredentialsAsync(client, DepartmentSystem.SecretOf("RFB"));
        Assert.True(old == HttpStatusCode.OK, $"previous secret within the grace period: {oldBody}");
        Assert.NotEqual(HttpStatusCode.OK, (await ClientCredentialsAsync("dept-CGJ-system", secret)).Status);

        // Only the region admin of the client's region: a department gets 403, another region's admin 404, an unknown client 404.
        var department = await ActorTokens.ForAsync(Actor.Department("ZJJ"));
        Assert.Equal(HttpStatusCode.Forbidden, (await AsAdminAsync(HttpMethod.Post, $"/api/identity/clients/{client}/secret", token: department)).Status);
        var otherAdmin = await ActorTokens.ForAsync(Actor.OfRegion("320194", "region-admin"));
        Assert.Equal(HttpStatusCode.NotFound, (await AsAdminAsync(HttpMethod.Post, $"/api/identity/clients/{client}/secret", token: otherAdmin)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await AsAdminAsync(HttpMethod.Post, "/api/identity/clients/approval-portal/secret")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await AsAdminAsync(HttpMethod.Post, "/api/identity/clients/dept-NOPE-system/secret")).Status);
    }

    [Fact]
    public async Task A_registered_public_key_authenticates_a_department_system_with_private_key_jwt_and_another_key_is_refused()
    {
        const string client = "dept-JTJ-system";
        using var key = RSA.Create(2048);
        using var other = RSA.Create(2048);
        var (registered, answer) = await AsAdminAsync(HttpMethod.Put, $"/api/identity/clients/{client}/keys", new { keys = new[] { PublicJwk(key, "jtj-1") } });
        Assert.True(registered == HttpStatusCode.OK, $"key registration: {(int)registered} {answer}");

        var issuer = (await suite.Gateway.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration")).GetProperty("issuer").GetString()!;
        var (status, body) = await TokenAsync(AssertionForm(client, Assertion(key, "jtj-1", client, issuer)));
        Assert.True(status == HttpStatusCode.OK, $"private_key_jwt: {(int)status} {body}");
        Assert.Equal("JTJ", Org(body));

        var (refused, error) = await TokenAsync(AssertionForm(client, Assertion(other, "jtj-1", client, issuer)));
        Assert.NotEqual(HttpStatusCode.OK, refused);
        Assert.Equal("invalid_client", error.GetProperty("error").GetString());
        // JTJ's key does not open another department's client.
        Assert.NotEqual(HttpStatusCode.OK, (await TokenAsync(AssertionForm("dept-CGJ-system", Assertion(key, "jtj-1", "dept-CGJ-system", issuer)))).Status);

        var (bad, problem) = await AsAdminAsync(HttpMethod.Put, $"/api/identity/clients/{client}/keys", new { keys = new[] { new { kty = "RSA", n = "AQAB" } } });
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.True(problem.GetProperty("errors").TryGetProperty("keys", out _));
    }

    [Fact]
    public async Task A_second_registration_with_a_used_credit_code_is_a_409_and_tokens_carry_the_real_name_number()
    {
        var code = Accounts.NewCreditCode();
        var first = Accounts.NewUserName("ent");
        using var created = await registrar.PostAsJsonAsync("/api/identity/register",
            new { kind = "enterprise", name = "同名建设有限公司", number = code, userName = first, password = "Firm#2026pass" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var namesake = await registrar.PostAsJsonAsync("/api/identity/register",
            new { kind = "enterprise", name = "同名建设有限公司", number = code.ToLowerInvariant(), userName = Accounts.NewUserName("ent"), password = "Firm#2026pass" });
        Assert.Equal(HttpStatusCode.Conflict, namesake.StatusCode);

        var tokens = await new OidcClient(suite.Gateway.BaseAddress!).SignInAsync(first, "Firm#2026pass");
        Assert.Equal(code, tokens.Claims().GetProperty("real_name_number").GetString());
    }

    [Fact]
    public async Task Oversized_input_to_identity_gets_a_4xx_never_a_5xx()
    {
        // Random CJK characters (9,000 bytes that do not compress), as an outside probe sends: a repeated character
        // compresses below PostgreSQL's index row limit and hides the failure.
        var huge = new string(Enumerable.Range(0, 3000).Select(_ => (char)Random.Shared.Next(0x4E00, 0x9FA5)).ToArray());
        using var login = await suite.Gateway.PostAsJsonAsync("/api/identity/login", new { userName = huge, password = "Wrong#2026pass" });
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        using var longPassword = await suite.Gateway.PostAsJsonAsync("/api/identity/login", new { userName = "nobody-with-a-long-password", password = new string('x', 100_000) });
        Assert.Equal(HttpStatusCode.Unauthorized, longPassword.StatusCode);
        using var totp = await suite.Gateway.PostAsJsonAsync("/api/identity/login/totp", new { code = huge });
        Assert.Equal(HttpStatusCode.Unauthorized, totp.StatusCode);

        using var register = await registrar.PostAsJsonAsync("/api/identity/register",
            new { kind = "person", name = "张三", number = huge, userName = Accounts.NewUserName("big"), password = new string('A', 5000) + "a1#", mobile = huge });
        Assert.Equal(HttpStatusCode.BadRequest, register.StatusCode);
        var errors = (await register.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "number", "password", "mobile" }) Assert.True(errors.TryGetProperty(field, out _), field);

        var (upsert, body) = await AsAdminAsync(HttpMethod.Put, $"/api/identity/users/{new string('u', 3000)}",
            new { displayName = huge, password = "Staff#2026pass", roles = new[] { "window" }, organisationCode = "ZHCK" });
        Assert.True(upsert == HttpStatusCode.BadRequest, $"{(int)upsert} {body}");
        Assert.True(body.GetProperty("errors").TryGetProperty("userName", out _));
        Assert.True(body.GetProperty("errors").TryGetProperty("displayName", out _));
        var (organisation, _) = await AsAdminAsync(HttpMethod.Post, "/api/identity/organisations", new { code = "BIG", name = huge, kind = "intermediary" });
        Assert.Equal(HttpStatusCode.BadRequest, organisation);
    }

    /// <summary>DOMAIN.md: every organisation has a valid 统一社会信用代码 — a new one without, or with a wrong check character, is a 400 naming it.</summary>
    [Fact]
    public async Task An_organisation_needs_a_valid_credit_code()
    {
        var code = $"ORG{Random.Shared.Next(0, 1_000_000):D6}";
        foreach (var creditCode in new string?[] { null, "91320193MA1XXXXXX0" })
        {
            var (status, problem) = await AsAdminAsync(HttpMethod.Post, "/api/identity/organisations", new { code, name = "某中介机构", kind = "intermediary", creditCode });
            Assert.True(status == HttpStatusCode.BadRequest, $"{creditCode}: {(int)status} {problem}");
            Assert.True(problem.GetProperty("errors").TryGetProperty("creditCode", out _), problem.ToString());
        }
        var (created, _) = await AsAdminAsync(HttpMethod.Post, "/api/identity/organisations", new { code, name = "某中介机构", kind = "intermediary", creditCode = Accounts.NewCreditCode() });
        Assert.Equal(HttpStatusCode.Created, created);
    }

    /// <summary>
    /// Failed sign-ins lock an account for the client address they come from only: an outsider guessing a department
    /// account's password from one address does not keep its owner, at another address, out.
    /// </summary>
    [Fact]
    public async Task Guessing_a_password_from_one_address_does_not_lock_the_account_out_at_another()
    {
        var userName = Accounts.NewUserName("lock");
        using var register = await registrar.PostAsJsonAsync("/api/identity/register",
            new { kind = "person", name = "李锁", number = Accounts.NewResidentIdNumber(), userName, password = "Owner#2026pass" });
        Assert.Equal(HttpStatusCode.Created, register.StatusCode);

        using var guesser = new IdentityBrowser(suite.Gateway.BaseAddress!, "127.0.0.2");
        for (var i = 0; i < 6; i++) Assert.Equal(HttpStatusCode.Unauthorized, await guesser.LoginAsync(userName, $"Guess#{i}2026pass"));
        Assert.Equal(HttpStatusCode.Unauthorized, await guesser.LoginAsync(userName, "Owner#2026pass")); // locked at that address

        using var owner = new IdentityBrowser(suite.Gateway.BaseAddress!, "127.0.0.3");
        Assert.Equal(HttpStatusCode.OK, await owner.LoginAsync(userName, "Owner#2026pass"));
    }

    /// <summary>
    /// A shared counter PC: signing out at the portal ends the identity server's session too, so the next authorize
    /// request lands on the login page; the refresh token of that sign-in is refused.
    /// </summary>
    [Fact]
    public async Task Signing_out_at_the_portal_ends_the_identity_session_and_revokes_the_refresh_token()
    {
        var userName = Accounts.NewUserName("out");
        using var register = await registrar.PostAsJsonAsync("/api/identity/register",
            new { kind = "person", name = "王退", number = Accounts.NewResidentIdNumber(), userName, password = "Leave#2026pass" });
        Assert.Equal(HttpStatusCode.Created, register.StatusCode);

        using var browser = new IdentityBrowser(suite.Gateway.BaseAddress!);
        Assert.Equal(HttpStatusCode.OK, await browser.LoginAsync(userName, "Leave#2026pass"));
        var refresh = (await browser.TokensAsync()).GetProperty("refresh_token").GetString()!;

        var visited = await browser.FollowAsync("/account/signout");
        Assert.Contains(visited, v => v.StartsWith("/connect/endsession", StringComparison.Ordinal));

        var (status, location, _) = await browser.AuthorizeAsync();
        Assert.Equal(HttpStatusCode.Found, status);
        Assert.StartsWith("/account/login?ReturnUrl=", location);
        var (refused, error) = await TokenAsync(new()
        {
            ["grant_type"] = "refresh_token", ["refresh_token"] = refresh, ["client_id"] = OidcClient.PortalClient,
        });
        Assert.NotEqual(HttpStatusCode.OK, refused);
        Assert.Equal("invalid_grant", error.GetProperty("error").GetString());
    }

    private static Dictionary<string, string> AssertionForm(string clientId, string assertion) => new()
    {
        ["grant_type"] = "client_credentials", ["client_id"] = clientId,
        ["client_assertion_type"] = AssertionType, ["client_assertion"] = assertion,
    };

    private static object PublicJwk(RSA key, string kid)
    {
        var p = key.ExportParameters(false);
        return new { kty = "RSA", use = "sig", alg = "RS256", kid, n = IdentityBrowser.Base64Url(p.Modulus!), e = IdentityBrowser.Base64Url(p.Exponent!) };
    }

    /// <summary>An RFC 7523 client assertion: iss = sub = client id, aud = the issuer, signed RS256 with the client's key.</summary>
    private static string Assertion(RSA key, string kid, string clientId, string audience)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = JsonSerializer.SerializeToUtf8Bytes(new { alg = "RS256", typ = "client-authentication+jwt", kid });
        var payload = JsonSerializer.SerializeToUtf8Bytes(new
        {
            iss = clientId, sub = clientId, aud = audience, jti = Guid.NewGuid().ToString("N"), iat = now, nbf = now, exp = now + 120,
        });
        var signingInput = $"{IdentityBrowser.Base64Url(header)}.{IdentityBrowser.Base64Url(payload)}";
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{signingInput}.{IdentityBrowser.Base64Url(signature)}";
    }
}

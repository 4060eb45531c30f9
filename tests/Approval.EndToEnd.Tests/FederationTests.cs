using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Approval.EndToEnd.Tests;

/// <summary>
/// Federation: a person registered and verified on the provincial platform (a second, separately configured
/// instance of our identity server) signs in to the suite through it over a real OIDC exchange. The first
/// sign-in links a local account; later sign-ins find the same account; no second registration.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class FederationTests(SuiteFixture suite)
{
    [Fact]
    public async Task A_provincial_user_signs_in_through_the_province_and_is_linked_once()
    {
        var userName = Accounts.NewUserName("prov");
        using (var province = new HttpClient { BaseAddress = suite.Province })
        {
            using var registered = await province.PostAsJsonAsync("/api/identity/register",
                new { kind = "person", name = "省平台用户", number = Accounts.NewResidentIdNumber(), userName, password = "Province#2026" });
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        }

        var first = await FederatedSignInAsync(userName);
        var second = await FederatedSignInAsync(userName);
        var (a, b) = (first.Claims(), second.Claims());
        Assert.Equal(a.GetProperty("sub").GetString(), b.GetProperty("sub").GetString());
        Assert.Equal(("省平台用户", "applicant", "320193"), (a.GetProperty("name").GetString(), a.GetProperty("role").GetString(), a.GetProperty("region").GetString()));

        using var me = await suite.Gateway.SendAsync(Accounts.Bearer(HttpMethod.Get, "/api/identity/me", first.AccessToken));
        var account = await me.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("person", true), (account.GetProperty("kind").GetString(), account.GetProperty("realNameVerified").GetBoolean()));

        // The link is made once: the identity audit log holds exactly one link record for the account.
        var supervisor = new Actor("supervisor-e2e", "supervisor", Name: "监察科赵六");
        var records = await new SuiteApi(suite.Gateway).ExpectAsync(HttpStatusCode.OK, supervisor, HttpMethod.Get,
            $"/api/identity/audit?objectId={a.GetProperty("sub").GetString()}&action=account-change");
        Assert.Single(records.EnumerateArray(), r => r.GetProperty("outcome").GetString()!.StartsWith("linked to provincial account"));
    }

    /// <summary>
    /// A browser: signs in at the province with its password, then asks the suite to sign in through the
    /// province and follows every redirect (identity → province authorize → identity callback → identity authorize)
    /// until the portal's redirect URI receives the code, which it exchanges (code + PKCE) through the gateway.
    /// </summary>
    private async Task<OidcTokens> FederatedSignInAsync(string provincialUser)
    {
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var browser = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        using (var login = await browser.PostAsJsonAsync(new Uri(suite.Province, "/api/identity/login"), new { userName = provincialUser, password = "Province#2026" }))
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);

        var verifier = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        var challenge = Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var authorize = $"/connect/authorize?response_type=code&client_id={OidcClient.PortalClient}&redirect_uri={Uri.EscapeDataString(OidcClient.RedirectUri)}" +
                        $"&scope=openid%20profile%20roles&code_challenge={challenge}&code_challenge_method=S256";
        // Started at the identity server's own address: its correlation cookie must come back with the callback to that address.
        var next = new Uri(suite.Identity, $"/api/identity/external/province?returnUrl={Uri.EscapeDataString(authorize)}");
        var trail = new List<string>();
        for (var hop = 0; hop < 10 && !next.ToString().StartsWith(OidcClient.RedirectUri, StringComparison.Ordinal); hop++)
        {
            using var response = await browser.GetAsync(next);
            var cookies = response.Headers.TryGetValues("Set-Cookie", out var set) ? set.ToList() : [];
            trail.Add($"{next} -> {(int)response.StatusCode} {string.Join(" | ", cookies)}");
            // Browsers treat http://localhost as a secure context and send "secure" cookies to it; HttpClient does not.
            foreach (var cookie in cookies.Where(c => c.Contains("; secure", StringComparison.OrdinalIgnoreCase)))
                handler.CookieContainer.SetCookies(next, cookie.Replace("; secure", "", StringComparison.OrdinalIgnoreCase).Replace("; samesite=none", "", StringComparison.OrdinalIgnoreCase));
            Assert.True(response.StatusCode == HttpStatusCode.Found || response.StatusCode == HttpStatusCode.Redirect,
                $"{next} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}\n{string.Join("\n", trail)}");
            next = new Uri(next, response.Headers.Location!);
        }
        var code = next.Query.TrimStart('?').Split('&').Select(p => p.Split('=', 2)).Single(p => p[0] == "code")[1];

        using var token = await suite.Gateway.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = Uri.UnescapeDataString(code), ["redirect_uri"] = OidcClient.RedirectUri,
            ["client_id"] = OidcClient.PortalClient, ["code_verifier"] = verifier,
        }));
        var json = await token.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(token.StatusCode == HttpStatusCode.OK, json.ToString());
        return new OidcTokens(json.GetProperty("access_token").GetString()!, null, null);
    }
}

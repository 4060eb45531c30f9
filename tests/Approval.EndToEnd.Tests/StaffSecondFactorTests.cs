using System.Text.Json;

namespace Approval.EndToEnd.Tests;

/// <summary>Staff roles need a TOTP second factor: enrolment on first sign-in, then a code every time; no code, no token.</summary>
[Collection(SuiteCollection.Name)]
public sealed class StaffSecondFactorTests(SuiteFixture suite)
{
    private HttpClient Browser() =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = suite.Gateway.BaseAddress };

    private static async Task<JsonElement> PostAsync(HttpClient http, string path, object body, HttpStatusCode expected)
    {
        using var response = await http.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{path}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Fact]
    public async Task A_staff_password_alone_yields_no_token_and_a_wrong_code_is_refused()
    {
        using var http = Browser();
        var first = await PostAsync(http, "/api/identity/login", new { userName = "window-demo", password = Accounts.DemoPassword }, HttpStatusCode.OK);
        Assert.Equal("totp", first.GetProperty("secondFactor").GetString());

        using (var authorize = await http.GetAsync($"/connect/authorize?response_type=code&client_id={OidcClient.PortalClient}&redirect_uri={Uri.EscapeDataString(OidcClient.RedirectUri)}&scope=openid&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256"))
            Assert.DoesNotContain("code=", authorize.Headers.Location?.ToString() ?? "");

        var right = Totp.Code(Accounts.DemoTotpKey);
        var wrong = right == "123456" ? "654321" : "123456";
        await PostAsync(http, "/api/identity/login/totp", new { code = wrong }, HttpStatusCode.Unauthorized);
        var done = await PostAsync(http, "/api/identity/login/totp", new { code = right }, HttpStatusCode.OK);
        Assert.Equal("window-demo", done.GetProperty("userName").GetString());
    }

    [Fact]
    public async Task A_new_staff_account_enrols_an_authenticator_on_first_sign_in_and_needs_its_code_afterwards()
    {
        var actor = new Actor(Accounts.NewUserName("clerk"), "window", Name: "新窗口人员");
        await ActorTokens.ForAsync(actor); // created by the region admin, first sign-in enrols (the key is kept by OidcClient)
        var key = OidcClient.EnrolledKeys[actor.User];
        Assert.Equal(32, key.Length);

        using var http = Browser();
        var again = await PostAsync(http, "/api/identity/login", new { userName = actor.User, password = ActorTokens.ActorPassword }, HttpStatusCode.OK);
        Assert.Equal("totp", again.GetProperty("secondFactor").GetString());
        await PostAsync(http, "/api/identity/login/totp", new { code = Totp.Code(key) }, HttpStatusCode.OK);

        // The enrolment answer itself carries an otpauth:// URI for authenticator apps.
        var fresh = new Actor(Accounts.NewUserName("lead"), "supervisor", Name: "新监察人员");
        using var adminHttp = new HttpClient { BaseAddress = suite.Gateway.BaseAddress };
        using var create = await adminHttp.SendAsync(Accounts.Bearer(HttpMethod.Put, $"/api/identity/users/{fresh.User}",
            await ActorTokens.AdminTokenAsync(), new { displayName = fresh.Name, password = ActorTokens.ActorPassword, roles = new[] { "supervisor" } }));
        Assert.Equal(HttpStatusCode.OK, create.StatusCode);
        var enrolment = await PostAsync(Browser(), "/api/identity/login", new { userName = fresh.User, password = ActorTokens.ActorPassword }, HttpStatusCode.OK);
        Assert.Equal("totp-enrolment", enrolment.GetProperty("secondFactor").GetString());
        Assert.StartsWith("otpauth://totp/", enrolment.GetProperty("authenticatorUri").GetString());
    }
}

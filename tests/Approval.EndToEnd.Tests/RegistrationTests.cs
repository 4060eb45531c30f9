using System.Text.Json;

namespace Approval.EndToEnd.Tests;

/// <summary>Real-name registration through the gateway: check characters, duplicates, first use of the account.</summary>
[Collection(SuiteCollection.Name)]
public sealed class RegistrationTests(SuiteFixture suite) : IDisposable
{
    private readonly OidcClient oidc = new(suite.Gateway.BaseAddress!);

    /// <summary>
    /// Registrations come from a client address of this test's own: the gateway allows 20 a minute per address, and
    /// the suite's other registering tests must not spend this test's allowance (nor it theirs).
    /// </summary>
    private readonly HttpClient registrar = LoopbackClients.From(LoopbackClients.NewAddress(), suite.Gateway.BaseAddress!);

    public void Dispose() => registrar.Dispose();

    private async Task<(HttpStatusCode Status, JsonElement Body)> RegisterAsync(
        string kind, string name, string number, string userName, string password = "Person#2026pass", string? mobile = null)
    {
        using var response = await registrar.PostAsJsonAsync("/api/identity/register", new { kind, name, number, userName, password, mobile });
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    [Fact]
    public async Task A_registered_person_signs_in_with_code_and_PKCE_and_submits_an_application()
    {
        var userName = Accounts.NewUserName("person");
        var (status, body) = await RegisterAsync("person", "张三", Accounts.NewResidentIdNumber(), userName);
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(("person", "320193", true), (body.GetProperty("kind").GetString(), body.GetProperty("regionCode").GetString(), body.GetProperty("realNameVerified").GetBoolean()));

        var token = (await oidc.SignInAsync(userName, "Person#2026pass")).AccessToken;
        using var me = await suite.Gateway.SendAsync(Accounts.Bearer(HttpMethod.Get, "/api/identity/me", token));
        Assert.Equal("张三", (await me.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("displayName").GetString());
        var phase = await new SuiteApi(suite.Gateway).RegisterPhaseAsync((m, p, b) => Accounts.Bearer(m, p, token, b));
        using var submitted = await suite.Gateway.SendAsync(Accounts.Bearer(HttpMethod.Post, "/api/intake/applications", token,
            new { projectCode = phase.ProjectCode, engineeringCode = phase.EngineeringCode, projectName = "自然人申报的项目", stageNo = 3, itemCodes = SuiteApi.SkeletonItems, form = SuiteApi.SkeletonForm }));
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        Assert.Equal("张三", (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("applicantName").GetString());
    }

    [Fact]
    public async Task An_enterprise_registers_with_its_unified_social_credit_code()
    {
        var (status, body) = await RegisterAsync("enterprise", "示范建材有限公司", Accounts.NewCreditCode(), Accounts.NewUserName("ent"));
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("enterprise", body.GetProperty("kind").GetString());
        Assert.Equal(["applicant"], body.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Theory]
    [InlineData("person", "110105194912310021", "GB 11643")]   // wrong check digit (the right one is X)
    [InlineData("person", "1101051949123100", "GB 11643")]     // too short
    [InlineData("enterprise", "91350100M000100Y44", "GB 32100")] // wrong check character (the right one is 3)
    [InlineData("enterprise", "91350100M000100YI3", "GB 32100")] // letter I is not allowed
    public async Task An_invalid_number_is_a_400_naming_the_field_and_the_standard(string kind, string number, string rule)
    {
        var (status, body) = await RegisterAsync(kind, "某某", number, Accounts.NewUserName("bad"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(rule, body.GetProperty("errors").GetProperty("number")[0].GetString());
    }

    [Fact]
    public async Task Missing_fields_and_a_weak_password_are_each_named()
    {
        using var response = await registrar.PostAsJsonAsync("/api/identity/register", new { kind = "robot" });
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        foreach (var field in new[] { "kind", "name", "userName", "password" }) Assert.True(errors.TryGetProperty(field, out _), field);

        var (status, body) = await RegisterAsync("person", "李四", Accounts.NewResidentIdNumber(), Accounts.NewUserName("weak"), password: "short");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(body.GetProperty("errors").TryGetProperty("password", out _));
    }

    [Fact]
    public async Task Racing_registrations_of_one_person_create_one_account_and_answer_409_to_the_rest()
    {
        var number = Accounts.NewResidentIdNumber();
        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => RegisterAsync("person", "赵七", number, Accounts.NewUserName($"race{i}"))));
        Assert.Equal(1, results.Count(r => r.Status == HttpStatusCode.Created));
        Assert.Equal(4, results.Count(r => r.Status == HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task Registering_the_same_user_name_or_number_twice_is_a_409()
    {
        var (userName, number) = (Accounts.NewUserName("twice"), Accounts.NewResidentIdNumber());
        Assert.Equal(HttpStatusCode.Created, (await RegisterAsync("person", "王五", number, userName)).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await RegisterAsync("person", "王五", Accounts.NewResidentIdNumber(), userName)).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await RegisterAsync("person", "王五", number, Accounts.NewUserName("other"))).Status);
    }

    [Fact]
    public async Task The_mobile_number_given_at_registration_is_in_the_token_and_receives_the_SMS_notices()
    {
        var (userName, mobile) = (Accounts.NewUserName("sms"), $"137{Random.Shared.Next(10_000_000, 99_999_999)}");
        var (status, body) = await RegisterAsync("person", "孙八", Accounts.NewResidentIdNumber(), userName, mobile: mobile);
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(mobile, body.GetProperty("mobile").GetString());

        var tokens = await oidc.SignInAsync(userName, "Person#2026pass");
        Assert.Equal(mobile, tokens.Claims().GetProperty("phone_number").GetString());
        var token = tokens.AccessToken;
        var api = new SuiteApi(suite.Gateway);
        var phase = await api.RegisterPhaseAsync((m, p, b) => Accounts.Bearer(m, p, token, b));
        using var submitted = await suite.Gateway.SendAsync(Accounts.Bearer(HttpMethod.Post, "/api/intake/applications", token,
            new { projectCode = phase.ProjectCode, engineeringCode = phase.EngineeringCode, projectName = "短信通知的项目", stageNo = 3, itemCodes = SuiteApi.SkeletonItems, form = SuiteApi.SkeletonForm }));
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var id = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{id}/accept");

        // No PUT /api/notifications/contact: the number reached Notifications from the token, through the application.
        var supervisor = new Actor("supervisor-e2e", "supervisor", Name: "监察科赵六");
        var sms = await SuiteApi.PollAsync(
            () => api.ExpectAsync(HttpStatusCode.OK, supervisor, HttpMethod.Get, $"/api/notifications/sms-sink?mobile={mobile}&applicationId={id}"),
            s => s.EnumerateArray().Any(m => m.GetProperty("text").GetString()!.Contains("已受理")), "the 受理 SMS to the registered mobile number");
        Assert.All(sms.EnumerateArray(), m => Assert.Equal(mobile, m.GetProperty("destination").GetString()));
    }

    [Fact]
    public async Task A_malformed_mobile_number_at_registration_is_a_400_on_the_field()
    {
        var (status, body) = await RegisterAsync("person", "某某", Accounts.NewResidentIdNumber(), Accounts.NewUserName("badmobile"), mobile: "1381234");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("手机号码", body.GetProperty("errors").GetProperty("mobile")[0].GetString());
    }
}

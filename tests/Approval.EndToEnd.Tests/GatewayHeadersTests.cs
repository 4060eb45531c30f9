using System.Text.Json;

namespace Approval.EndToEnd.Tests;

/// <summary>
/// What the gateway adds to and keeps from every request (issue 13): the client's own address reaches the audit
/// log (a forged X-Forwarded-For does not), and every answer — API JSON, a download, a portal page, the API
/// reference — carries the security headers.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class GatewayHeadersTests(SuiteFixture suite)
{
    private const string Forged = "203.0.113.9";
    private static readonly Actor Supervisor = new("supervisor-e2e", "supervisor", Name: "监察科赵六");
    private readonly SuiteApi api = new(suite.Gateway);

    private async Task<List<JsonElement>> AuditAsync(string service, string objectId) =>
        (await api.ExpectAsync(HttpStatusCode.OK, Supervisor, HttpMethod.Get, $"/api/{service}/audit?objectId={Uri.EscapeDataString(objectId)}&take=500"))
        .EnumerateArray().ToList();

    [Fact]
    public async Task A_refusal_is_audited_with_the_callers_address_not_the_gateways_nor_a_forged_X_Forwarded_For()
    {
        var id = await api.SubmitAsync(Actor.Applicant, "来源地址的项目");
        var source = LoopbackClients.NewAddress();
        using var client = LoopbackClients.From(source, suite.Gateway.BaseAddress!);
        using var request = Actor.OtherApplicant.Request(HttpMethod.Get, $"/api/intake/applications/{id}/progress");
        request.Headers.Add("X-Forwarded-For", Forged);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);

        var denied = Assert.Single(await AuditAsync("intake", id.ToString()), r => r.GetProperty("action").GetString() == "access-denied");
        Assert.Equal(source.ToString(), denied.GetProperty("remoteAddress").GetString());
    }

    [Fact]
    public async Task A_failed_sign_in_is_audited_by_identity_with_the_callers_address()
    {
        var actor = new Actor(Accounts.NewUserName("addressed"), "applicant", Name: "来源地址申请人");
        var subject = new OidcTokens(await ActorTokens.ForAsync(actor), null, null).Claims().GetProperty("sub").GetString()!;
        var source = LoopbackClients.NewAddress();
        using var client = LoopbackClients.From(source, suite.Gateway.BaseAddress!);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/identity/login") { Content = JsonContent.Create(new { userName = actor.User, password = "Wrong#2026pass" }) };
        request.Headers.Add("X-Forwarded-For", Forged);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);

        var failed = Assert.Single(await AuditAsync("identity", subject), r => r.GetProperty("action").GetString() == "sign-in-failed");
        Assert.Equal(source.ToString(), failed.GetProperty("remoteAddress").GetString());
    }

    [Theory]
    [InlineData("api-json")]
    [InlineData("api-problem")]
    [InlineData("material-download")]
    [InlineData("portal-page")]
    [InlineData("portal-direct")]
    [InlineData("scalar-page")]
    public async Task Every_answer_carries_the_security_headers(string row)
    {
        using var response = await SendAsync(row);
        Assert.True(response.IsSuccessStatusCode || row == "api-problem", $"{row}: {(int)response.StatusCode}");
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Contains("frame-ancestors 'none'", Header(response, "Content-Security-Policy"));
        Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
        // Served over plain HTTP (as here), no HSTS: it would only pin a scheme the deployment does not use.
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), row);
    }

    private async Task<HttpResponseMessage> SendAsync(string row)
    {
        switch (row)
        {
            case "api-json":
                return await suite.Gateway.GetAsync("/api/catalog/stages/3");
            case "api-problem":
                return await suite.Gateway.GetAsync("/api/licences/verify/NO-SUCH-LICENCE");
            case "material-download":
                var uploaded = await new IntakeApi(suite.Gateway).UploadOkAsync(Actor.Applicant, "header-check.pdf", IntakeApi.Pdf("security headers"));
                return await suite.Gateway.SendAsync(Actor.Applicant.Request(HttpMethod.Get, $"/api/intake/materials/{uploaded.GetProperty("id").GetGuid()}/content"));
            case "portal-page":
            case "portal-direct":
                var page = new HttpRequestMessage(HttpMethod.Get, row == "portal-page" ? new Uri("/catalog", UriKind.Relative) : new Uri(suite.Portal, "/catalog"));
                page.Headers.Accept.ParseAdd("text/html");
                return await suite.Gateway.SendAsync(page);
            case "scalar-page":
                return await suite.Gateway.GetAsync("/scalar");
            default:
                throw new ArgumentOutOfRangeException(nameof(row), row, "no such row");
        }
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{response.RequestMessage?.RequestUri}: no {name} header");
}

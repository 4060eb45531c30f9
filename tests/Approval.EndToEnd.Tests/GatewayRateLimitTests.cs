using System.Text.Json;

namespace Approval.EndToEnd.Tests;

/// <summary>
/// The gateway's rate limits on the anonymous entry points an attacker would hammer (issue 13): password sign-in
/// and the token endpoint, the TOTP step, registration, and licence and seal verification. Each is counted per
/// client address — the connection's own, never an X-Forwarded-For the client sends — and answers 429 with
/// Retry-After and a ProblemDetails in Chinese and English beyond its allowance.
/// The allowances are gateway/Approval.Gateway/appsettings.json's (Approval:Gateway:RateLimits), per minute.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class GatewayRateLimitTests(SuiteFixture suite)
{
    [Theory]
    [InlineData("token", 120)]
    [InlineData("totp", 60)]
    [InlineData("register", 20)]
    [InlineData("verify-identifier", 60)]
    [InlineData("verify-document", 60)]
    [InlineData("verify-seal", 60)]
    public async Task Beyond_its_allowance_a_client_address_gets_429_and_another_address_does_not(string row, int permits)
    {
        var address = LoopbackClients.NewAddress();
        using var client = LoopbackClients.From(address, suite.Gateway.BaseAddress!);
        for (var i = 0; i < permits; i++)
        {
            using var allowed = await client.SendAsync(Request(row));
            Assert.True(allowed.StatusCode != HttpStatusCode.TooManyRequests, $"{row}: request {i + 1} of {permits} from {address} refused");
        }

        using var refused = await client.SendAsync(Request(row));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta is { TotalSeconds: > 0 and <= 60 }, $"Retry-After: {refused.Headers.RetryAfter}");
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Contains("请求过于频繁", problem.GetProperty("detail").GetString());
        Assert.Contains("Too many requests", problem.GetProperty("detail").GetString());

        // A forged X-Forwarded-For does not make the same connection another client.
        var forged = Request(row);
        forged.Headers.Add("X-Forwarded-For", "203.0.113.9");
        using (var stillRefused = await client.SendAsync(forged)) Assert.Equal(HttpStatusCode.TooManyRequests, stillRefused.StatusCode);

        using var other = LoopbackClients.From(LoopbackClients.NewAddress(), suite.Gateway.BaseAddress!);
        using var otherAnswer = await other.SendAsync(Request(row));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, otherAnswer.StatusCode);
    }

    private static HttpRequestMessage Request(string row) => row switch
    {
        "token" => new(HttpMethod.Post, "/connect/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
                { ["grant_type"] = "client_credentials", ["client_id"] = "no-such-client", ["client_secret"] = "wrong" }),
        },
        "totp" => new(HttpMethod.Post, "/api/identity/login/totp") { Content = JsonContent.Create(new { code = "000000" }) },
        "register" => new(HttpMethod.Post, "/api/identity/register") { Content = JsonContent.Create(new { kind = "robot" }) },
        "verify-identifier" => new(HttpMethod.Get, "/api/licences/verify/NO-SUCH-LICENCE"),
        "verify-document" => new(HttpMethod.Post, "/api/licences/verify/document")
        {
            Content = new ByteArrayContent(IntakeApi.Pdf("not a licence")) { Headers = { ContentType = new("application/pdf") } },
        },
        "verify-seal" => new(HttpMethod.Post, "/api/licences/seals/verify") { Content = JsonContent.Create(new { }) },
        _ => throw new ArgumentOutOfRangeException(nameof(row), row, "no such row"),
    };
}

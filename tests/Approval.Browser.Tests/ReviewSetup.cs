using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Approval.EndToEnd.Tests;

namespace Approval.Browser.Tests;

/// <summary>
/// The demo pack's building permit (320193-ZJ-SG-001) is approved only with a passing construction-drawing review
/// (施工图审查) of its project (catalog requiresReview). Cases about something else get that review through the API before
/// the applicant applies: the applicant commissions it from TSZX, review-demo starts and concludes 合格 with a PDF sealed by
/// TSZX's seal (provisioned once per run by the region admin). The review's own screens are tested in ReviewJourneyTests.
/// </summary>
public static class ReviewSetup
{
    private static readonly ConcurrentDictionary<Uri, Lazy<Task>> Seals = new();

    /// <summary>A 合格 construction-drawing review of the phase; then waits until the applicant holds its 施工图审查合格书.</summary>
    public static async Task PassedReviewAsync(this PortalFixture portal, ProjectPhase phase, string user = Ui.DemoApplicant, string? password = null)
    {
        var oidc = new OidcClient(portal.Gateway);
        await EnsureAgencySealAsync(portal);
        var applicant = (await oidc.SignInAsync(user, password ?? Accounts.DemoPassword)).AccessToken;
        var agency = (await oidc.SignInAsync("review-demo", Accounts.DemoPassword, Accounts.DemoTotpKey)).AccessToken;
        var review = await SendAsync(portal, applicant, HttpMethod.Post, "/api/reviews",
            new { projectCode = phase.ProjectCode, engineeringCode = phase.EngineeringCode, typeCode = "construction-drawing", agencyCode = "TSZX" });
        var path = $"/api/reviews/{review.GetProperty("id").GetGuid()}";
        await SendAsync(portal, agency, HttpMethod.Post, $"{path}/start", new { });
        await SendAsync(portal, agency, HttpMethod.Post, $"{path}/conclude", new
        {
            conclusion = "合格",
            opinions = new[] { new { discipline = "结构", opinion = "符合强制性条文" } },
            result = new { fileName = "施工图审查合格书.pdf", contentType = "application/pdf", content = Convert.ToBase64String(Encoding.UTF8.GetBytes($"%PDF-1.7\n% {path}\n%%EOF\n")) },
        });
        // Reviews announces the conclusion once (outbox) to Approvals (the gate) and Intake (the material): wait for the latter.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!(await SendAsync(portal, applicant, HttpMethod.Get, "/api/intake/materials")).EnumerateArray()
                   .Any(m => m.TryGetProperty("deliveredName", out var n) && n.ValueKind == JsonValueKind.String && m.GetProperty("projectCode").GetString() == phase.ProjectCode))
        {
            Assert.True(DateTime.UtcNow < deadline, $"the review of {phase.ProjectCode} did not reach the applicant's materials");
            await Task.Delay(500);
        }
    }

    /// <summary>The region admin provisions TSZX's e-seal once per run (concluding a review seals its result with it).</summary>
    public static Task EnsureAgencySealAsync(PortalFixture portal) => Seals.GetOrAdd(portal.Gateway, _ => new Lazy<Task>(async () =>
    {
        var admin = (await new OidcClient(portal.Gateway).SignInAsync("admin", Accounts.AdminPassword, Accounts.DemoTotpKey)).AccessToken;
        await SendAsync(portal, admin, HttpMethod.Post, "/api/licences/seals", new { departmentCode = "TSZX" });
    })).Value;

    /// <summary>One API call through the gateway with a bearer token; a failure status fails the test with the answer.</summary>
    internal static async Task<JsonElement> SendAsync(this PortalFixture portal, string token, HttpMethod method, string path, object? body = null)
    {
        using var http = new HttpClient { BaseAddress = portal.Gateway, Timeout = TimeSpan.FromSeconds(60) };
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null) request.Content = JsonContent.Create(body);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}

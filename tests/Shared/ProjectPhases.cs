using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Approval.Tests;

/// <summary>A project and the engineering code (工程代码) of one of its phases.</summary>
public sealed record ProjectPhase(string ProjectCode, string EngineeringCode);

/// <summary>
/// Projects the tests register through the gateway: from stage 2 on an application names the engineering code of a
/// project of the applicant's own, so a test's applicant registers one first. Compiled into each suite.
/// </summary>
public static class ProjectPhases
{
    private static long serial = Random.Shared.Next(0, 1_000_000);

    /// <summary>
    /// A 项目代码 of the demo region that no other test of this process registers (Projects refuses a second
    /// registration; each suite has its own databases). The serials follow one another from a random start: a random
    /// serial per call collided within a run of about a thousand projects (a CI run got 409 已登记).
    /// </summary>
    public static string NewProjectCode() => $"2611-320193-89-01-{Interlocked.Increment(ref serial) % 1_000_000:D6}";

    /// <summary>
    /// Registers a project (a new code of the demo region unless one is named) as the caller <paramref name="request"/>
    /// authenticates, and generates its first engineering code.
    /// </summary>
    public static async Task<ProjectPhase> RegisterAsync(HttpClient gateway, Func<HttpMethod, string, object, HttpRequestMessage> request,
        string? projectCode = null, string projectName = "测试项目")
    {
        projectCode ??= NewProjectCode();
        await SendAsync(gateway, request(HttpMethod.Post, "/api/projects", new
        {
            projectCode, name = projectName, address = "示范区科创大道1号", divisionCode = "320193",
            longitude = 120.7m, latitude = 31.3m, totalInvestment = 10000m, projectType = 3, constructionNature = 1,
            plannedStart = "2026-10-01", plannedEnd = "2028-06-30", // 拟开工/拟建成时间: complete for the provincial exchange
        }));
        var issued = await SendAsync(gateway, request(HttpMethod.Post, $"/api/projects/{projectCode}/engineering-codes", new { name = "一期" }));
        return new ProjectPhase(projectCode, issued.GetProperty("engineeringCode").GetString()!);
    }

    private static async Task<JsonElement> SendAsync(HttpClient gateway, HttpRequestMessage request)
    {
        using (request)
        using (var response = await gateway.SendAsync(request))
        {
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.Created)
                throw new InvalidOperationException($"{request.Method} {request.RequestUri} answered {(int)response.StatusCode}: {text}");
            return JsonDocument.Parse(text).RootElement.Clone();
        }
    }
}

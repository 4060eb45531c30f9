using System.Collections.Concurrent;
using System.Text.Json;

namespace Approval.EndToEnd.Tests;

/// <summary>The calls a case makes through the gateway, asserting the status each should answer.</summary>
public sealed class SuiteApi(HttpClient gateway)
{
    public const string ProjectCode = "2509-320193-89-01-544060";
    /// <summary>The demo applicant's first phase of <see cref="ProjectCode"/>, registered when the suite starts.</summary>
    public const string EngineeringCode = ProjectCode + "-001";
    public static readonly ProjectPhase DemoPhase = new(ProjectCode, EngineeringCode);
    private static readonly ConcurrentDictionary<string, Lazy<Task<ProjectPhase>>> Phases = new();

    /// <summary>The two stage-3 items the skeleton case applies for (the demo region's stage 3 has more).</summary>
    public static readonly string[] SkeletonItems = ["320193-ZJ-SG-001", "320193-CG-SG-001"];
    public static readonly object SkeletonForm = new { 建设规模 = "5万平方米" };

    public HttpClient Gateway => gateway;

    /// <summary>The item's technical review passed first when its 通过 needs one (the building permit): see <see cref="ReviewFlow.PassedForAsync"/>.</summary>
    public Task ReviewPassedAsync(Actor applicant, Guid item, string department = "ZJJ") => new ReviewFlow(gateway).PassedForAsync(applicant, item, department);

    public async Task<HttpResponseMessage> SendAsync(Actor actor, HttpMethod method, string path, object? body = null) =>
        await gateway.SendAsync(actor.Request(method, path, body));

    public async Task<JsonElement> ExpectAsync(HttpStatusCode expected, Actor actor, HttpMethod method, string path, object? body = null)
    {
        using var response = await SendAsync(actor, method, path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{method} {path}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<Guid> SubmitAsync(Actor applicant, string projectName = "示范区科创园一期")
    {
        var phase = await PhaseAsync(applicant);
        var created = await ExpectAsync(HttpStatusCode.Created, applicant, HttpMethod.Post, "/api/intake/applications",
            new { projectCode = phase.ProjectCode, engineeringCode = phase.EngineeringCode, projectName, stageNo = 3, itemCodes = SkeletonItems, form = SkeletonForm });
        return created.GetProperty("id").GetGuid();
    }

    /// <summary>
    /// The project phase an applicant applies under from stage 2 on (R-7.6: an engineering code of a project of its own):
    /// the demo applicant's is <see cref="DemoPhase"/>; any other applicant's is registered on first use and kept for the run.
    /// </summary>
    public Task<ProjectPhase> PhaseAsync(Actor applicant) => applicant == Actor.Applicant
        ? Task.FromResult(DemoPhase)
        : Phases.GetOrAdd($"{gateway.BaseAddress}|{applicant.User}",
            _ => new Lazy<Task<ProjectPhase>>(() => RegisterPhaseAsync((m, p, b) => applicant.Request(m, p, b)))).Value;

    /// <summary>Registers a project (a new code of the demo region unless one is named) and generates its first engineering code.</summary>
    public Task<ProjectPhase> RegisterPhaseAsync(Func<HttpMethod, string, object, HttpRequestMessage> request, string? projectCode = null,
        string projectName = "测试项目") => ProjectPhases.RegisterAsync(gateway, request, projectCode, projectName);


    public Task<JsonElement> ProgressAsync(Actor actor, Guid applicationId) =>
        ExpectAsync(HttpStatusCode.OK, actor, HttpMethod.Get, $"/api/intake/applications/{applicationId}/progress");

    /// <summary>Waits (with a deadline) until the department sees the item instance of the application routed to it.</summary>
    public async Task<Guid> ItemRoutedToAsync(string department, Guid applicationId)
    {
        var items = await PollAsync(
            () => ExpectAsync(HttpStatusCode.OK, Actor.Department(department), HttpMethod.Get, $"/api/approvals/items?applicationId={applicationId}"),
            list => list.GetArrayLength() > 0, $"an item of {applicationId} reaches {department}");
        return items[0].GetProperty("id").GetGuid();
    }

    public static async Task<T> PollAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var value = await read();
            if (done(value)) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out after {seconds}s waiting until {what}.");
            await Task.Delay(100);
        }
    }
}

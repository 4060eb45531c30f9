using System.Collections.Concurrent;
using System.Text.Json;

namespace Approval.EndToEnd.Tests;

/// <summary>The steps of a technical review (技术审查) through the gateway: commission, the agency's work, the sealed conclusion.</summary>
public sealed class ReviewFlow(HttpClient gateway)
{
    public const string Drawing = "construction-drawing";
    /// <summary>Staff of 示范区施工图审查中心 (TSZX) with the review-agency role: the agency qualified for construction-drawing reviews.</summary>
    public static readonly Actor Agency = new("review-e2e-tszx", "review-agency", "TSZX", "审查中心赵六");
    private readonly SuiteApi api = new(gateway);
    private static readonly ConcurrentDictionary<string, Lazy<Task>> Seals = new();
    private static readonly ConcurrentDictionary<string, Lazy<Task<Guid>>> Passed = new();

    /// <summary>The region admin provisions TSZX's seal once per suite (concluding seals the result with it).</summary>
    public Task EnsureAgencySealAsync() =>
        Seals.GetOrAdd(gateway.BaseAddress!.ToString(), _ => new Lazy<Task>(() => new LicenceIssuing(gateway).ProvisionSealAsync("TSZX"))).Value;

    public async Task<Guid> CommissionAsync(Actor applicant, ProjectPhase phase, string agency = "TSZX")
    {
        var review = await api.ExpectAsync(HttpStatusCode.Created, applicant, HttpMethod.Post, "/api/reviews",
            new { projectCode = phase.ProjectCode, engineeringCode = phase.EngineeringCode is "" ? null : phase.EngineeringCode, typeCode = Drawing, agencyCode = agency, note = "施工图一套" });
        return review.GetProperty("id").GetGuid();
    }

    public Task<JsonElement> PostAsync(HttpStatusCode expected, Actor actor, Guid review, string step, object? body = null) =>
        api.ExpectAsync(expected, actor, HttpMethod.Post, $"/api/reviews/{review}/{step}", body ?? new { });

    public static object Conclusion(string conclusion = "合格", string text = "施工图审查合格书") => new
    {
        conclusion,
        opinions = new[] { new { discipline = "结构", opinion = "符合强制性条文" }, new { discipline = "消防", opinion = "疏散宽度满足要求" } },
        result = new { fileName = "施工图审查合格书.pdf", contentType = "application/pdf", content = Convert.ToBase64String(IntakeApi.Pdf(text)) },
    };

    /// <summary>A review of the phase commissioned, started and (if asked) taken as far as a supplement request or a 合格 conclusion.</summary>
    public async Task<Guid> ReviewAsync(Actor applicant, ProjectPhase phase, string until)
    {
        await EnsureAgencySealAsync();
        var review = await CommissionAsync(applicant, phase);
        if (until == "commissioned") return review;
        await PostAsync(HttpStatusCode.OK, Agency, review, "start");
        if (until == "started") return review;
        if (until == "supplementing")
        {
            await PostAsync(HttpStatusCode.OK, Agency, review, "supplement", new { reason = "结构计算书缺页" });
            return review;
        }
        await PostAsync(HttpStatusCode.OK, Agency, review, "conclude", Conclusion());
        return review;
    }

    /// <summary>
    /// Makes the department's <paramref name="item"/> approvable when it needs a technical review (catalog requiresReview; in
    /// the demo pack the building permit 320193-ZJ-SG-001): the item's project phase gets a construction-drawing review
    /// concluded 合格 (once per suite and phase, commissioned by its <paramref name="applicant"/>), and the item is read until
    /// Approvals knows the result (ReviewConcluded is an event). An item that needs no review is left as it is.
    /// </summary>
    public async Task PassedForAsync(Actor applicant, Guid item, string department = "ZJJ")
    {
        var path = $"/api/approvals/items/{item}";
        var view = await api.ExpectAsync(HttpStatusCode.OK, Actor.Department(department), HttpMethod.Get, path);
        if (!view.TryGetProperty("requiresReview", out var type) || type.ValueKind != JsonValueKind.String) return;
        var phase = new ProjectPhase(view.GetProperty("projectCode").GetString()!,
            view.TryGetProperty("engineeringCode", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString()! : "");
        await Passed.GetOrAdd($"{gateway.BaseAddress}|{phase.ProjectCode}|{phase.EngineeringCode}",
            _ => new Lazy<Task<Guid>>(() => ReviewAsync(applicant, phase, "concluded"))).Value;
        await SuiteApi.PollAsync(() => api.ExpectAsync(HttpStatusCode.OK, Actor.Department(department), HttpMethod.Get, path),
            i => i.TryGetProperty("review", out var r) && r.ValueKind == JsonValueKind.Object && r.GetProperty("passed").GetBoolean(),
            "the review's conclusion reaches Approvals");
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Approval.Bench;

/// <summary>
/// Carries one case through the gateway as its people would: the applicant submits, the window accepts,
/// each department's bot starts and approves the items routed to it, and the applicant polls progress until
/// every item is concluded and every certificate issued. Each call's latency is recorded under its request type.
/// Everyone is a seeded demo user with a real bearer token (code + PKCE, once per user).
/// </summary>
public sealed class CaseDriver(HttpClient gateway, Latencies latencies)
{
    private const string Applicant = "applicant-demo";
    private const string Window = "window-demo";
    private const string ReviewAgency = "review-demo";
    private static readonly ConcurrentDictionary<Uri, DemoTokens> Tokens = new();

    public async Task<JsonElement> RunAsync(string projectName, CaseShape shape, CancellationToken ct)
    {
        var engineeringCode = await Phases.GetOrAdd(gateway.BaseAddress!, _ => new Lazy<Task<string>>(() => DemoPhaseAsync(ct))).Value;
        var created = await CallAsync("submit", Applicant, HttpMethod.Post, "/api/intake/applications",
            new { engineeringCode, projectName, stageNo = 3, itemCodes = shape.ItemCodes, form = shape.Form }, ct);
        var id = created.GetProperty("id").GetGuid();
        var items = created.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("itemCode").GetString()!).ToList();
        var departments = created.GetProperty("items").EnumerateArray().GroupBy(i => i.GetProperty("departmentCode").GetString()!);
        var certificates = await CertificateItemsAsync(ct);
        await CallAsync("accept", Window, HttpMethod.Post, $"/api/intake/applications/{id}/accept", null, ct);

        // Each department's bot decides the items routed to it; departments work in parallel, as 并联审批 means.
        await Task.WhenAll(departments.Select(async department =>
        {
            var staff = $"dept-{department.Key}";
            var routed = await PollAsync("items", staff, $"/api/approvals/items?applicationId={id}", r => r.GetArrayLength() == department.Count(), ct);
            // An ordered item (有序审批) decides after its earlier item: the bot takes the earlier ones first (the demo's are in one department).
            foreach (var routedItem in routed.EnumerateArray().OrderBy(r => r.GetProperty("earlier").ValueKind == JsonValueKind.Object))
            {
                var item = routedItem.GetProperty("id").GetGuid();
                await CallAsync("start", staff, HttpMethod.Post, $"/api/approvals/items/{item}/start", new { }, ct);
                if (routedItem.TryGetProperty("requiresReview", out var review) && review.ValueKind == JsonValueKind.String)
                    await ReviewPassedAsync(engineeringCode, review.GetString()!, staff, item, ct);
                object decision = routedItem.GetProperty("notificationCommitment").GetBoolean()
                    ? new { approved = true, opinion = "依告知承诺准予", commitment = "按承诺补齐审查意见", commitmentDue = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30) }
                    : new { approved = true, opinion = "符合条件，准予许可" };
                await CallAsync("conclude", staff, HttpMethod.Post, $"/api/approvals/items/{item}/conclude", decision, ct);
            }
        }));
        var expectedLicences = items.Count(certificates.Contains);
        return await PollAsync("progress", Applicant, $"/api/intake/applications/{id}/progress",
            // Item lines 办结（通过）; the stage's own conclusion line (no item code) carries 11 too.
            p => p.GetProperty("timeline").EnumerateArray().Count(e => e.GetProperty("itemCode").ValueKind == JsonValueKind.String
                     && e.GetProperty("statusCode").GetInt32() == 11) == items.Count
                 && p.GetProperty("licences").GetArrayLength() == expectedLicences, ct);
    }

    private const string DemoProjectCode = "2509-320193-89-01-544060";
    private static readonly ConcurrentDictionary<Uri, Lazy<Task<string>>> Phases = new();

    /// <summary>
    /// The demo applicant's project and the engineering code of its first phase (stage 3 is applied for by 工程代码, R-7.6):
    /// registered on the first case against a gateway, found on a later run against the same databases.
    /// </summary>
    private async Task<string> DemoPhaseAsync(CancellationToken ct)
    {
        var mine = await CallAsync("setup", Applicant, HttpMethod.Get, "/api/projects", null, ct);
        var project = mine.EnumerateArray().FirstOrDefault(p => p.GetProperty("projectCode").GetString() == DemoProjectCode);
        // The planned dates (拟开工/拟建成时间) make the project complete for the provincial exchange (SPGL); a project
        // registered by an older run without them is corrected once by its owner.
        var basics = new
        {
            name = "示范区科创园", address = "示范区科创大道1号", divisionCode = "320193", longitude = 120.7m, latitude = 31.3m,
            totalInvestment = 20000m, projectType = 3, constructionNature = 1, plannedStart = "2026-10-01", plannedEnd = "2028-12-31",
        };
        if (project.ValueKind != JsonValueKind.Object)
            project = await CallAsync("setup", Applicant, HttpMethod.Post, "/api/projects", new
            {
                projectCode = DemoProjectCode, basics.name, basics.address, basics.divisionCode, basics.longitude, basics.latitude,
                basics.totalInvestment, basics.projectType, basics.constructionNature, basics.plannedStart, basics.plannedEnd,
            }, ct);
        else if (!project.TryGetProperty("plannedStart", out var start) || start.ValueKind == JsonValueKind.Null)
            project = await CallAsync("setup", Applicant, HttpMethod.Put, $"/api/projects/{DemoProjectCode}", basics, ct);
        if (project.GetProperty("engineeringCodes").EnumerateArray().FirstOrDefault() is { ValueKind: JsonValueKind.Object } phase)
            return phase.GetProperty("engineeringCode").GetString()!;
        var issued = await CallAsync("setup", Applicant, HttpMethod.Post, $"/api/projects/{DemoProjectCode}/engineering-codes", new { name = "一期" }, ct);
        return issued.GetProperty("engineeringCode").GetString()!;
    }

    private static readonly ConcurrentDictionary<string, Lazy<Task>> Reviews = new();

    /// <summary>
    /// A permit that needs a technical review (the catalog's requiresReview; the demo's building permit) is decided after
    /// one concluded 合格 for its phase: the applicant commissions 施工图审查中心 TSZX once per phase and type (the region admin
    /// provisioned TSZX's seal once), TSZX's demo staff start and conclude it, and the department waits until Approvals has
    /// the result (ReviewConcluded is an event).
    /// </summary>
    private async Task ReviewPassedAsync(string engineeringCode, string type, string staff, Guid item, CancellationToken ct)
    {
        await Reviews.GetOrAdd($"{gateway.BaseAddress}|seal", _ => new Lazy<Task>(() =>
            CallAsync("setup", "admin", HttpMethod.Post, "/api/licences/seals", new { departmentCode = "TSZX" }, ct))).Value;
        await Reviews.GetOrAdd($"{gateway.BaseAddress}|{engineeringCode}|{type}", _ => new Lazy<Task>(async () =>
        {
            var review = (await CallAsync("review", Applicant, HttpMethod.Post, "/api/reviews",
                new { projectCode = DemoProjectCode, engineeringCode, typeCode = type, agencyCode = "TSZX", note = "施工图一套" }, ct)).GetProperty("id").GetGuid();
            await CallAsync("review", ReviewAgency, HttpMethod.Post, $"/api/reviews/{review}/start", new { }, ct);
            await CallAsync("review", ReviewAgency, HttpMethod.Post, $"/api/reviews/{review}/conclude", new
            {
                conclusion = "合格", opinions = new[] { new { discipline = "结构", opinion = "符合强制性条文" } },
                result = new { fileName = "施工图审查合格书.pdf", contentType = "application/pdf", content = Convert.ToBase64String("%PDF-1.7\n% 施工图审查合格书\n%%EOF\n"u8.ToArray()) },
            }, ct);
        })).Value;
        await PollAsync("items", staff, $"/api/approvals/items/{item}",
            i => i.TryGetProperty("review", out var r) && r.ValueKind == JsonValueKind.Object && r.GetProperty("passed").GetBoolean(), ct);
    }

    private HashSet<string>? certificateItems;

    /// <summary>The stage-3 items whose approval yields a certificate, as the public catalog says.</summary>
    private async Task<HashSet<string>> CertificateItemsAsync(CancellationToken ct)
    {
        if (certificateItems is not null) return certificateItems;
        var stage = await gateway.GetFromJsonAsync<JsonElement>("/api/catalog/stages/3", ct);
        return certificateItems = stage.GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("licenceTypeCode").ValueKind == JsonValueKind.String)
            .Select(i => i.GetProperty("code").GetString()!).ToHashSet();
    }

    private async Task<JsonElement> PollAsync(string type, string who, string path, Func<JsonElement, bool> done, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var value = await CallAsync(type, who, HttpMethod.Get, path, null, ct);
            if (done(value)) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{path} did not reach the expected state within 60 s");
            await Task.Delay(50, ct);
        }
    }

    private async Task<JsonElement> CallAsync(string type, string who, HttpMethod method, string path, object? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        var tokens = Tokens.GetOrAdd(gateway.BaseAddress!, a => new DemoTokens(a));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.ForAsync(who));
        if (body is not null) request.Content = JsonContent.Create(body);
        var watch = Stopwatch.StartNew();
        using var response = await gateway.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        latencies.Record(type, watch.Elapsed.TotalMilliseconds);
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"{method} {path} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Approval.Contracts;

namespace Approval.Bench;

/// <summary>
/// Carries one case through the gateway as its people would: the applicant submits, the window accepts,
/// each department's bot starts and approves the items routed to it, and the applicant polls progress until
/// every item is concluded and every certificate issued. Each call's latency is recorded under its request type.
/// Everyone is a seeded demo user with a real bearer token (code + PKCE, once per user).
/// </summary>
public sealed class CaseDriver(HttpClient gateway, Latencies latencies, TimeSpan? patienceOrNull = null)
{
    /// <summary>How long a step may take, transient failures included: 60 s, more under fault injection.</summary>
    private readonly TimeSpan patience = patienceOrNull ?? TimeSpan.FromSeconds(60);
    private const string Applicant = "applicant-demo";
    private const string Window = "window-demo";
    private const string ReviewAgency = "review-demo";
    private static readonly ConcurrentDictionary<Uri, DemoTokens> Tokens = new();

    public async Task<JsonElement> RunAsync(string projectName, CaseShape shape, CancellationToken ct)
    {
        var engineeringCode = await Phases.GetOrAdd(gateway.BaseAddress!, _ => new Lazy<Task<string>>(() => DemoPhaseAsync(ct))).Value;
        // Submitted again after a failure only if the first attempt left no application (found by its project name, which
        // each case makes unique), so a retried case never submits twice.
        var created = await ActAsync("submit", Applicant, HttpMethod.Post, "/api/intake/applications",
            new { engineeringCode, projectName, stageNo = 3, itemCodes = shape.ItemCodes, form = shape.Form },
            async () => (await GetAsync("submit", Applicant, "/api/intake/applications/mine", ct)).EnumerateArray()
                .Where(a => a.GetProperty("projectName").GetString() == projectName).Select(a => (JsonElement?)a).FirstOrDefault(), ct);
        var id = created.GetProperty("id").GetGuid();
        var items = created.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("itemCode").GetString()!).ToList();
        var departments = created.GetProperty("items").EnumerateArray().GroupBy(i => i.GetProperty("departmentCode").GetString()!);
        var certificates = await CertificateItemsAsync(ct);
        await ActAsync("accept", Window, HttpMethod.Post, $"/api/intake/applications/{id}/accept", null,
            () => StatusAtLeastAsync("accept", Window, $"/api/intake/applications/{id}", Accepted, ct), ct);

        // Each department's bot decides the items routed to it; departments work in parallel, as 并联审批 means.
        await Task.WhenAll(departments.Select(async department =>
        {
            var staff = $"dept-{department.Key}";
            var routed = await PollAsync("items", staff, $"/api/approvals/items?applicationId={id}", r => r.GetArrayLength() == department.Count(), ct);
            // An ordered item (有序审批) decides after its earlier item: the bot takes the earlier ones first (the demo's are in one department).
            foreach (var routedItem in routed.EnumerateArray().OrderBy(r => r.GetProperty("earlier").ValueKind == JsonValueKind.Object))
            {
                var item = routedItem.GetProperty("id").GetGuid();
                await ActAsync("start", staff, HttpMethod.Post, $"/api/approvals/items/{item}/start", new { },
                    () => StatusAtLeastAsync("start", staff, $"/api/approvals/items/{item}", Started, ct), ct);
                if (routedItem.TryGetProperty("requiresReview", out var review) && review.ValueKind == JsonValueKind.String)
                    await ReviewPassedAsync(engineeringCode, review.GetString()!, staff, item, ct);
                object decision = routedItem.GetProperty("notificationCommitment").GetBoolean()
                    ? new { approved = true, opinion = "依告知承诺准予", commitment = "按承诺补齐审查意见", commitmentDue = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30) }
                    : new { approved = true, opinion = "符合条件，准予许可" };
                await ActAsync("conclude", staff, HttpMethod.Post, $"/api/approvals/items/{item}/conclude", decision,
                    () => StatusAtLeastAsync("conclude", staff, $"/api/approvals/items/{item}", Approved, ct), ct);
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
    /// The demo applicant's SMS number, project and the engineering code of its first phase (stage 3 is applied for by 工程代码, R-7.6):
    /// registered on the first case against a gateway, found on a later run against the same databases.
    /// </summary>
    private async Task<string> DemoPhaseAsync(CancellationToken ct)
    {
        // The applicant's SMS number (我的短信接收号码), as an applicant who wants progress SMS sets it: without one, every SMS
        // of every case waited ten minutes for a number and was looked at again about fifteen times meanwhile (issue 22).
        await CallAsync("setup", Applicant, HttpMethod.Put, "/api/notifications/contact", new { mobile = "13800000000" }, ct);
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

    /// <summary>
    /// Reads until <paramref name="done"/>: first after 100 ms, then each wait half as long again, at most a second — a
    /// person's refresh, not a poll every 50 ms that cost the suite more than the case itself (issue 22).
    /// </summary>
    private async Task<JsonElement> PollAsync(string type, string who, string path, Func<JsonElement, bool> done, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + patience;
        var wait = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            var value = await GetAsync(type, who, path, ct);
            if (done(value)) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{path} did not reach the expected state within {patience.TotalSeconds:F0} s");
            await Task.Delay(wait, ct);
            wait = TimeSpan.FromMilliseconds(Math.Min(1000, wait.TotalMilliseconds * 1.5));
        }
    }

    private const int Accepted = (int)ProcessingStatus.Accepted, Started = (int)ProcessingStatus.DepartmentStarted,
        Approved = (int)ProcessingStatus.Approved;

    /// <summary>The resource at <paramref name="path"/> if its statusCode has reached <paramref name="status"/> (the codes rise along a case).</summary>
    private async Task<JsonElement?> StatusAtLeastAsync(string type, string who, string path, int status, CancellationToken ct) =>
        await GetAsync(type, who, path, ct) is var value && value.GetProperty("statusCode").GetInt32() >= status ? value : null;

    /// <summary>A read, tried again while the failure is transient (a service or the gateway down for a moment).</summary>
    private async Task<JsonElement> GetAsync(string type, string who, string path, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            try { return await CallAsync(type, who, HttpMethod.Get, path, null, ct); }
            catch (CallFailed e) when (e.Transient && DateTime.UtcNow < deadline) { await RetryPauseAsync(ct); }
        }
    }

    /// <summary>
    /// A change: sent, and after a transient failure or a conflict (an earlier attempt may have taken effect before its answer
    /// was lost) sent again only while <paramref name="done"/> finds it not yet made; what done finds is the result then.
    /// </summary>
    private async Task<JsonElement> ActAsync(string type, string who, HttpMethod method, string path, object? body,
        Func<Task<JsonElement?>> done, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            try { return await CallAsync(type, who, method, path, body, ct); }
            catch (CallFailed e) when ((e.Transient || e.StatusCode == HttpStatusCode.Conflict) && DateTime.UtcNow < deadline)
            {
                await RetryPauseAsync(ct);
                if (await done() is { } made) return made;
            }
        }
    }

    private async Task RetryPauseAsync(CancellationToken ct)
    {
        Interlocked.Increment(ref retries);
        await Task.Delay(250, ct);
    }

    private int retries;
    /// <summary>Calls tried again after a transient failure or a conflict, by this driver.</summary>
    public int Retries => Volatile.Read(ref retries);

    private async Task<JsonElement> CallAsync(string type, string who, HttpMethod method, string path, object? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        var tokens = Tokens.GetOrAdd(gateway.BaseAddress!, a => new DemoTokens(a));
        string text;
        HttpStatusCode status;
        var watch = Stopwatch.StartNew();
        try
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.ForAsync(who));
            if (body is not null) request.Content = JsonContent.Create(body);
            using var response = await gateway.SendAsync(request, ct);
            text = await response.Content.ReadAsStringAsync(ct);
            status = response.StatusCode;
        }
        catch (HttpRequestException e) { throw new CallFailed($"{method} {path} failed: {e.Message}", null, e); }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested) { throw new CallFailed($"{method} {path} timed out", null, e); }
        latencies.Record(type, watch.Elapsed.TotalMilliseconds);
        if ((int)status is < 200 or > 299) throw new CallFailed($"{method} {path} answered {(int)status}: {text}", status);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A call that failed; transient when no answer came or the answer was a 5xx (a service restarting).</summary>
    private sealed class CallFailed(string message, HttpStatusCode? status, Exception? inner = null) : HttpRequestException(message, inner, status)
    {
        public bool Transient => StatusCode is null || (int)StatusCode >= 500;
    }
}

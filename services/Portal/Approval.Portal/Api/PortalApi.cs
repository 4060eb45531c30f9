using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Approval.Portal.Auth;
using Microsoft.AspNetCore.Components.Authorization;

namespace Approval.Portal.Api;

/// <summary>
/// The APIs the portal calls, reached by service discovery ("http://catalog", …) with the signed-in user's access
/// token; the services check the token and the user's rights themselves. Errors arrive as <see cref="ApiProblem"/>.
/// </summary>
public sealed class PortalApi(IHttpClientFactory clients, AuthenticationStateProvider authentication)
{
    public const string Catalog = "catalog", Intake = "intake", Approvals = "approvals", Licences = "licences", Identity = "identity",
        Notifications = "notifications", Projects = "projects";
    public static readonly string[] Services = [Catalog, Intake, Approvals, Licences, Identity, Notifications, Projects];

    // Notifications: the signed-in person's notices (站内消息)
    public Task<Inbox> InboxAsync(CancellationToken ct = default) => GetAsync<Inbox>(Notifications, "/api/notifications/inbox", ct);
    public Task<JsonObject> MarkReadAsync(Guid id, CancellationToken ct = default) =>
        SendAsync<JsonObject>(Notifications, HttpMethod.Post, $"/api/notifications/inbox/{id}/read", null, ct);
    public async Task<int> UnreadCountAsync(CancellationToken ct = default) => (await GetAsync<Inbox>(Notifications, "/api/notifications/inbox?take=1", ct)).Unread;
    public Task<int> MarkAllReadAsync(CancellationToken ct = default) => SendAsync<int>(Notifications, HttpMethod.Post, "/api/notifications/inbox/read-all", null, ct);

    // Projects: 我的项目 (项目代码, 工程代码) and the stage form prefilled by engineering code (Intake)
    public Task<List<Project>> ProjectsAsync(CancellationToken ct = default) => GetAsync<List<Project>>(Projects, "/api/projects", ct);
    public Task<Project> RegisterProjectAsync(ProjectRegistration registration, CancellationToken ct = default) =>
        SendAsync<Project>(Projects, HttpMethod.Post, "/api/projects", registration, ct);
    public Task<Engineering> IssueEngineeringCodeAsync(string projectCode, string name, string? previousEngineeringCode, CancellationToken ct = default) =>
        SendAsync<Engineering>(Projects, HttpMethod.Post, $"/api/projects/{Uri.EscapeDataString(projectCode)}/engineering-codes", new { name, previousEngineeringCode }, ct);
    public Task<JsonObject> PrefillAsync(string engineeringCode, int stageNo, IEnumerable<string> itemCodes, CancellationToken ct = default) =>
        GetAsync<JsonObject>(Intake, $"/api/intake/prefill?engineeringCode={Uri.EscapeDataString(engineeringCode)}&stageNo={stageNo}&items={Uri.EscapeDataString(string.Join(',', itemCodes))}", ct);

    // Identity (anonymous): 实名注册
    public Task<Registered> RegisterAsync(Registration registration, CancellationToken ct = default) =>
        SendAsync<Registered>(Identity, HttpMethod.Post, "/api/identity/register", registration, ct);

    // Catalog (public)
    public Task<List<FlowSummary>> FlowsAsync(CancellationToken ct = default) => GetAsync<List<FlowSummary>>(Catalog, "/api/catalog/flows", ct);
    public Task<Flow> FlowAsync(string code, CancellationToken ct = default) => GetAsync<Flow>(Catalog, $"/api/catalog/flows/{Uri.EscapeDataString(code)}", ct);
    public Task<List<StageSummary>> StagesAsync(CancellationToken ct = default) => GetAsync<List<StageSummary>>(Catalog, "/api/catalog/stages", ct);
    public Task<Stage> StageAsync(int no, CancellationToken ct = default) => GetAsync<Stage>(Catalog, $"/api/catalog/stages/{no}", ct);
    public Task<List<CatalogItem>> SearchItemsAsync(string? q, CancellationToken ct = default) =>
        GetAsync<List<CatalogItem>>(Catalog, $"/api/catalog/items?q={Uri.EscapeDataString(q ?? "")}", ct);
    public Task<ItemDetail> ItemAsync(string code, CancellationToken ct = default) => GetAsync<ItemDetail>(Catalog, $"/api/catalog/items/{Uri.EscapeDataString(code)}", ct);
    public Task<JsonObject> StageFormAsync(int stageNo, IEnumerable<string> itemCodes, CancellationToken ct = default) =>
        GetAsync<JsonObject>(Catalog, $"/api/catalog/stages/{stageNo}/form?items={Uri.EscapeDataString(string.Join(',', itemCodes))}", ct);

    // Licences
    public Task<Verification> VerifyAsync(string identifier, CancellationToken ct = default) =>
        GetAsync<Verification>(Licences, $"/api/licences/verify/{Uri.EscapeDataString(identifier)}", ct);

    // Intake: applicant and window
    public Task<Application> SubmitAsync(SubmitApplication request, CancellationToken ct = default) => SendAsync<Application>(Intake, HttpMethod.Post, "/api/intake/applications", request, ct);
    public Task<Application> SubmitAtCounterAsync(CounterSubmission request, CancellationToken ct = default) =>
        SendAsync<Application>(Intake, HttpMethod.Post, "/api/intake/applications/counter", request, ct);
    public Task<List<Application>> QueueAsync(int? status, CancellationToken ct = default) =>
        GetAsync<List<Application>>(Intake, "/api/intake/applications" + (status is null ? "" : $"?status={status}"), ct);
    public Task<Application> ApplicationAsync(Guid id, CancellationToken ct = default) => GetAsync<Application>(Intake, $"/api/intake/applications/{id}", ct);
    public Task<CaseProgress> ProgressAsync(Guid id, CancellationToken ct = default) => GetAsync<CaseProgress>(Intake, $"/api/intake/applications/{id}/progress", ct);
    /// <summary>
    /// Opens the live progress stream (server-sent events, docs/intake.md) and returns its body as it arrives
    /// (ResponseHeadersRead: nothing is buffered); <paramref name="lastEventId"/> resumes after that timeline line.
    /// Disposing the stream closes the connection. Read it with <see cref="ProgressStream"/>.
    /// </summary>
    public async Task<Stream> OpenProgressStreamAsync(Guid id, string? lastEventId, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/intake/applications/{id}/progress/stream");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (lastEventId is not null) request.Headers.Add("Last-Event-ID", lastEventId);
        if (await AccessTokenAsync() is { } token) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await clients.CreateClient(Intake).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        if (response.IsSuccessStatusCode) return await response.Content.ReadAsStreamAsync(ct);
        using (response) throw await ApiProblem.ReadAsync(response, ct);
    }
    public Task<Application> AcceptAsync(Guid id, CancellationToken ct = default) => SendAsync<Application>(Intake, HttpMethod.Post, $"/api/intake/applications/{id}/accept", null, ct);
    public Task<Application> RefuseAsync(Guid id, string reason, CancellationToken ct = default) =>
        SendAsync<Application>(Intake, HttpMethod.Post, $"/api/intake/applications/{id}/refuse", new { reason }, ct);
    public Task<Application> RejectOutOfScopeAsync(Guid id, string reason, CancellationToken ct = default) =>
        SendAsync<Application>(Intake, HttpMethod.Post, $"/api/intake/applications/{id}/reject-out-of-scope", new { reason }, ct);

    public Task<List<Application>> MineAsync(CancellationToken ct = default) => GetAsync<List<Application>>(Intake, "/api/intake/applications/mine", ct);
    public Task<ApplicationMaterials> ApplicationMaterialsAsync(Guid id, CancellationToken ct = default) =>
        GetAsync<ApplicationMaterials>(Intake, $"/api/intake/applications/{id}/materials", ct);
    public Task<Application> RequestCorrectionsAsync(Guid id, IReadOnlyList<CorrectionItem> corrections, CancellationToken ct = default) =>
        SendAsync<Application>(Intake, HttpMethod.Post, $"/api/intake/applications/{id}/corrections", new { corrections }, ct);
    public Task<Application> CorrectAsync(Guid id, CorrectedApplication corrected, CancellationToken ct = default) =>
        SendAsync<Application>(Intake, HttpMethod.Post, $"/api/intake/applications/{id}/correct", corrected, ct);
    /// <summary>Uploads one file (multipart, field "file"); 413 and 415 come back as <see cref="ApiProblem"/>.</summary>
    public async Task<UploadedMaterial> UploadAsync(Stream file, string fileName, string contentType, CancellationToken ct = default)
    {
        using var content = new MultipartFormDataContent();
        var part = new StreamContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue(string.IsNullOrEmpty(contentType) ? "application/octet-stream" : contentType);
        content.Add(part, "file", fileName);
        return await SendAsync<UploadedMaterial>(Intake, HttpMethod.Post, "/api/intake/materials", content, ct);
    }
    public Task<List<IssuedLicence>> HeldLicencesAsync(CancellationToken ct = default) => GetAsync<List<IssuedLicence>>(Intake, "/api/intake/licences", ct);
    public Task<List<UploadedMaterial>> MyMaterialsAsync(CancellationToken ct = default) => GetAsync<List<UploadedMaterial>>(Intake, "/api/intake/materials", ct);

    // Intake: drafts (草稿)
    public Task<List<Draft>> DraftsAsync(CancellationToken ct = default) => GetAsync<List<Draft>>(Intake, "/api/intake/drafts", ct);
    public Task<Draft> DraftAsync(Guid id, CancellationToken ct = default) => GetAsync<Draft>(Intake, $"/api/intake/drafts/{id}", ct);
    public Task<Draft> SaveDraftAsync(Guid? id, DraftContent content, CancellationToken ct = default) => id is { } existing
        ? SendAsync<Draft>(Intake, HttpMethod.Put, $"/api/intake/drafts/{existing}", content, ct)
        : SendAsync<Draft>(Intake, HttpMethod.Post, "/api/intake/drafts", content, ct);
    public Task DeleteDraftAsync(Guid id, CancellationToken ct = default) => SendAsync<object?>(Intake, HttpMethod.Delete, $"/api/intake/drafts/{id}", null, ct);

    public Task<List<Consultation>> ConsultationsAsync(Guid id, CancellationToken ct = default) =>
        GetAsync<List<Consultation>>(Intake, $"/api/intake/applications/{id}/consultations", ct);
    public Task<List<Consultation>> AskAsync(Guid id, string question, IReadOnlyList<string> departments, CancellationToken ct = default) =>
        SendAsync<List<Consultation>>(Intake, HttpMethod.Post, $"/api/intake/applications/{id}/consultations", new { question, departments }, ct);
    public Task<List<Consultation>> MyConsultationsAsync(bool open, CancellationToken ct = default) =>
        GetAsync<List<Consultation>>(Intake, $"/api/intake/consultations?open={(open ? "true" : "false")}", ct);
    public Task<Consultation> AnswerConsultationAsync(Guid consultationId, string opinion, CancellationToken ct = default) =>
        SendAsync<Consultation>(Intake, HttpMethod.Post, $"/api/intake/consultations/{consultationId}/answer", new { opinion }, ct);

    // Approvals: the applicant's item clocks
    public async Task<IReadOnlyList<ItemInstance>> ApplicationItemsAsync(Guid applicationId, CancellationToken ct = default) =>
        (await GetAsync<ApplicationItems>(Approvals, $"/api/approvals/applications/{applicationId}/items", ct)).Items;

    // Approvals: the department's item instances
    public Task<List<ItemInstance>> ItemsAsync(int? status, CancellationToken ct = default) =>
        GetAsync<List<ItemInstance>>(Approvals, "/api/approvals/items" + (status is null ? "" : $"?status={status}"), ct);
    public Task<ItemInstance> ItemInstanceAsync(Guid id, CancellationToken ct = default) => GetAsync<ItemInstance>(Approvals, $"/api/approvals/items/{id}", ct);
    public Task<List<ItemStep>> StepsAsync(Guid id, CancellationToken ct = default) => GetAsync<List<ItemStep>>(Approvals, $"/api/approvals/items/{id}/steps", ct);
    public Task<ItemInstance> StartAsync(Guid id, string? opinion, CancellationToken ct = default) =>
        SendAsync<ItemInstance>(Approvals, HttpMethod.Post, $"/api/approvals/items/{id}/start", new { opinion }, ct);
    public Task<ItemInstance> ConcludeAsync(Guid id, Conclusion conclusion, CancellationToken ct = default) =>
        SendAsync<ItemInstance>(Approvals, HttpMethod.Post, $"/api/approvals/items/{id}/conclude", conclusion, ct);
    public Task<ItemInstance> StartSpecialProcedureAsync(Guid id, SpecialProcedureStart start, CancellationToken ct = default) =>
        SendAsync<ItemInstance>(Approvals, HttpMethod.Post, $"/api/approvals/items/{id}/special-procedures", start, ct);
    public Task<ItemInstance> EndSpecialProcedureAsync(Guid id, string result, CancellationToken ct = default) =>
        SendAsync<ItemInstance>(Approvals, HttpMethod.Post, $"/api/approvals/items/{id}/special-procedures/end", new { result }, ct);

    public Task<ItemInstance> VerifyCommitmentAsync(Guid id, bool? fulfilled, string? note, CancellationToken ct = default) =>
        SendAsync<ItemInstance>(Approvals, HttpMethod.Post, $"/api/approvals/items/{id}/commitment/verification", new { fulfilled, note }, ct);
    public Task<ItemInstance> RevokeAsync(Guid id, string reason, CancellationToken ct = default) =>
        SendAsync<ItemInstance>(Approvals, HttpMethod.Post, $"/api/approvals/items/{id}/revoke", new { reason }, ct);
    public Task<ItemInstance> HandInMaterialsAsync(Guid applicationId, Guid id, IReadOnlyList<string> materials, CancellationToken ct = default) =>
        SendAsync<ItemInstance>(Approvals, HttpMethod.Post, $"/api/approvals/applications/{applicationId}/items/{id}/materials", new { materials }, ct);
    public Task<List<FollowUp>> FollowUpsAsync(CancellationToken ct = default) => GetAsync<List<FollowUp>>(Approvals, "/api/approvals/follow-ups", ct);

    private Task<T> GetAsync<T>(string service, string path, CancellationToken ct) => SendAsync<T>(service, HttpMethod.Get, path, null, ct);

    private async Task<T> SendAsync<T>(string service, HttpMethod method, string path, object? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        if (await AccessTokenAsync() is { } token) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null) request.Content = body as HttpContent ?? JsonContent.Create(body);
        using var response = await clients.CreateClient(service).SendAsync(request, ct);
        if (!response.IsSuccessStatusCode) throw await ApiProblem.ReadAsync(response, ct);
        if (response.StatusCode == System.Net.HttpStatusCode.NoContent) return default!;
        return (await response.Content.ReadFromJsonAsync<T>(ct))!;
    }

    private async Task<string?> AccessTokenAsync() =>
        (await authentication.GetAuthenticationStateAsync()).User.FindFirst(PortalSignIn.AccessTokenClaim)?.Value;
}

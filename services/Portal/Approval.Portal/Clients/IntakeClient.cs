using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Components.Authorization;

namespace Approval.Portal.Clients;

/// <summary>Intake: applications of the applicant and the window, materials, drafts (草稿) and consultations (docs/intake.md).</summary>
public sealed class IntakeClient(HttpClient http, AuthenticationStateProvider authentication) : ServiceClient(http, authentication)
{
    public Task<Application> SubmitAsync(SubmitApplication request, CancellationToken ct = default) => SendAsync<Application>(HttpMethod.Post, "/api/intake/applications", request, ct);
    public Task<Application> SubmitAtCounterAsync(CounterSubmission request, CancellationToken ct = default) =>
        SendAsync<Application>(HttpMethod.Post, "/api/intake/applications/counter", request, ct);
    /// <summary>The stage form prefilled from the engineering code's earlier stages (工程代码).</summary>
    public Task<JsonObject> PrefillAsync(string engineeringCode, int stageNo, IEnumerable<string> itemCodes, CancellationToken ct = default) =>
        GetAsync<JsonObject>($"/api/intake/prefill?engineeringCode={Uri.EscapeDataString(engineeringCode)}&stageNo={stageNo}&items={Uri.EscapeDataString(string.Join(',', itemCodes))}", ct);
    /// <summary>The window's queue; <paramref name="notApproved"/>: only applications with an item concluded 不通过 (R-7.8).</summary>
    public Task<List<Application>> QueueAsync(int? status, CancellationToken ct = default, bool notApproved = false) =>
        GetAsync<List<Application>>("/api/intake/applications?" + (status is null ? "" : $"status={status}&") + (notApproved ? "notApproved=true" : ""), ct);
    public Task<List<Application>> MineAsync(CancellationToken ct = default) => GetAsync<List<Application>>("/api/intake/applications/mine", ct);
    public Task<Application> ApplicationAsync(Guid id, CancellationToken ct = default) => GetAsync<Application>($"/api/intake/applications/{id}", ct);
    public Task<CaseProgress> ProgressAsync(Guid id, CancellationToken ct = default) => GetAsync<CaseProgress>($"/api/intake/applications/{id}/progress", ct);

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
        var response = await SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        return await response.Content.ReadAsStreamAsync(ct);
    }

    public Task<Application> AcceptAsync(Guid id, CancellationToken ct = default) => SendAsync<Application>(HttpMethod.Post, $"/api/intake/applications/{id}/accept", null, ct);
    public Task<Application> RefuseAsync(Guid id, string reason, CancellationToken ct = default) =>
        SendAsync<Application>(HttpMethod.Post, $"/api/intake/applications/{id}/refuse", new { reason }, ct);
    public Task<Application> RejectOutOfScopeAsync(Guid id, string reason, CancellationToken ct = default) =>
        SendAsync<Application>(HttpMethod.Post, $"/api/intake/applications/{id}/reject-out-of-scope", new { reason }, ct);
    public Task<Application> RequestCorrectionsAsync(Guid id, IReadOnlyList<CorrectionItem> corrections, CancellationToken ct = default) =>
        SendAsync<Application>(HttpMethod.Post, $"/api/intake/applications/{id}/corrections", new { corrections }, ct);
    /// <summary>The applicant's answer to a department's 补正 of an item: corrected files (their uploads) and a note.</summary>
    public Task AnswerItemCorrectionAsync(Guid applicationId, Guid correctionId, string? note, IReadOnlyList<MaterialChoice> materials, CancellationToken ct = default) =>
        SendAsync<JsonObject>(HttpMethod.Post, $"/api/intake/applications/{applicationId}/item-corrections/{correctionId}/answer", new { note, materials }, ct);
    public Task<Application> CorrectAsync(Guid id, CorrectedApplication corrected, CancellationToken ct = default) =>
        SendAsync<Application>(HttpMethod.Post, $"/api/intake/applications/{id}/correct", corrected, ct);

    // Materials and held e-licences
    public Task<ApplicationMaterials> ApplicationMaterialsAsync(Guid id, CancellationToken ct = default) =>
        GetAsync<ApplicationMaterials>($"/api/intake/applications/{id}/materials", ct);
    /// <summary>Uploads one file (multipart, field "file"); 413 and 415 come back as <see cref="ApiProblem"/>.</summary>
    public async Task<UploadedMaterial> UploadAsync(Stream file, string fileName, string contentType, CancellationToken ct = default)
    {
        using var content = Multipart(file, fileName, contentType);
        return await SendAsync<UploadedMaterial>(HttpMethod.Post, "/api/intake/materials", content, ct);
    }
    /// <summary>The window uploads a scanned paper material for the applicant against the material-list entry <paramref name="name"/> (窗口代收纸质材料扫描件).</summary>
    public async Task<ApplicationMaterials> UploadScannedAsync(Guid id, string name, Stream file, string fileName, string contentType, CancellationToken ct = default)
    {
        using var content = Multipart(file, fileName, contentType);
        content.Add(new StringContent(name), "name");
        return await SendAsync<ApplicationMaterials>(HttpMethod.Post, $"/api/intake/applications/{id}/materials/scanned", content, ct);
    }
    private static MultipartFormDataContent Multipart(Stream file, string fileName, string contentType)
    {
        var content = new MultipartFormDataContent();
        var part = new StreamContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue(string.IsNullOrEmpty(contentType) ? "application/octet-stream" : contentType);
        content.Add(part, "file", fileName);
        return content;
    }

    // Results (R-7.5): the consolidated result notice and paper delivery
    public Task<ResultNotice> ResultNoticeAsync(Guid id, CancellationToken ct = default) => GetAsync<ResultNotice>($"/api/intake/applications/{id}/result-notice", ct);
    public Task<ResultNotice> IssueResultNoticeAsync(Guid id, CancellationToken ct = default) =>
        SendAsync<ResultNotice>(HttpMethod.Post, $"/api/intake/applications/{id}/result-notice", null, ct);
    public Task<PaperDelivery> RequestDeliveryAsync(Guid id, string recipient, string phone, string address, CancellationToken ct = default) =>
        SendAsync<PaperDelivery>(HttpMethod.Post, $"/api/intake/applications/{id}/delivery", new { recipient, phone, address }, ct);
    public Task<PaperDelivery> ShippedAsync(Guid id, string? carrier, string trackingNumber, CancellationToken ct = default) =>
        SendAsync<PaperDelivery>(HttpMethod.Post, $"/api/intake/applications/{id}/delivery/shipped", new { carrier, trackingNumber }, ct);
    public Task<List<IssuedLicence>> HeldLicencesAsync(CancellationToken ct = default) => GetAsync<List<IssuedLicence>>("/api/intake/licences", ct);
    public Task<List<UploadedMaterial>> MyMaterialsAsync(CancellationToken ct = default) => GetAsync<List<UploadedMaterial>>("/api/intake/materials", ct);
    public Task<List<DesignMaterialView>> DesignMaterialsAsync(string projectCode, CancellationToken ct = default) =>
        GetAsync<List<DesignMaterialView>>($"/api/intake/projects/{Uri.EscapeDataString(projectCode)}/design-materials", ct);

    // Drafts (草稿)
    public Task<List<Draft>> DraftsAsync(CancellationToken ct = default) => GetAsync<List<Draft>>("/api/intake/drafts", ct);
    public Task<Draft> DraftAsync(Guid id, CancellationToken ct = default) => GetAsync<Draft>($"/api/intake/drafts/{id}", ct);
    public Task<Draft> SaveDraftAsync(Guid? id, DraftContent content, CancellationToken ct = default) => id is { } existing
        ? SendAsync<Draft>(HttpMethod.Put, $"/api/intake/drafts/{existing}", content, ct)
        : SendAsync<Draft>(HttpMethod.Post, "/api/intake/drafts", content, ct);
    public Task DeleteDraftAsync(Guid id, CancellationToken ct = default) => SendAsync<object?>(HttpMethod.Delete, $"/api/intake/drafts/{id}", null, ct);

    // Consultations (受理前征求意见)
    public Task<List<Consultation>> ConsultationsAsync(Guid id, CancellationToken ct = default) =>
        GetAsync<List<Consultation>>($"/api/intake/applications/{id}/consultations", ct);
    public Task<List<Consultation>> AskAsync(Guid id, string question, IReadOnlyList<string> departments, CancellationToken ct = default) =>
        SendAsync<List<Consultation>>(HttpMethod.Post, $"/api/intake/applications/{id}/consultations", new { question, departments }, ct);
    public Task<List<Consultation>> MyConsultationsAsync(bool open, CancellationToken ct = default) =>
        GetAsync<List<Consultation>>($"/api/intake/consultations?open={(open ? "true" : "false")}", ct);
    public Task<Consultation> AnswerConsultationAsync(Guid consultationId, string opinion, CancellationToken ct = default) =>
        SendAsync<Consultation>(HttpMethod.Post, $"/api/intake/consultations/{consultationId}/answer", new { opinion }, ct);
}

using Microsoft.AspNetCore.Components.Authorization;

namespace Approval.Portal.Clients;

/// <summary>Approvals: the applicant's item clocks and the department's item instances (docs/approvals.md).</summary>
public sealed class ApprovalsClient(HttpClient http, AuthenticationStateProvider authentication) : ServiceClient(http, authentication)
{
    public async Task<IReadOnlyList<ItemInstance>> ApplicationItemsAsync(Guid applicationId, CancellationToken ct = default) =>
        (await GetAsync<ApplicationItems>($"/api/approvals/applications/{applicationId}/items", ct)).Items;

    public Task<List<ItemInstance>> ItemsAsync(int? status, CancellationToken ct = default) =>
        GetAsync<List<ItemInstance>>("/api/approvals/items" + (status is null ? "" : $"?status={status}"), ct);
    public Task<ItemInstance> ItemInstanceAsync(Guid id, CancellationToken ct = default) => GetAsync<ItemInstance>($"/api/approvals/items/{id}", ct);
    public Task<List<ItemStep>> StepsAsync(Guid id, CancellationToken ct = default) => GetAsync<List<ItemStep>>($"/api/approvals/items/{id}/steps", ct);
    public Task<ItemInstance> StartAsync(Guid id, string? opinion, CancellationToken ct = default) =>
        SendAsync<ItemInstance>(HttpMethod.Post, $"/api/approvals/items/{id}/start", new { opinion }, ct);
    public Task<ItemInstance> ConcludeAsync(Guid id, Conclusion conclusion, CancellationToken ct = default) =>
        SendAsync<ItemInstance>(HttpMethod.Post, $"/api/approvals/items/{id}/conclude", conclusion, ct);
    public Task<ItemInstance> StartCorrectionAsync(Guid id, IReadOnlyList<ItemCorrectionEntry> entries, DateOnly? due, CancellationToken ct = default) =>
        SendAsync<ItemInstance>(HttpMethod.Post, $"/api/approvals/items/{id}/corrections", new { entries, due }, ct);
    public Task<ItemInstance> StartSpecialProcedureAsync(Guid id, SpecialProcedureStart start, CancellationToken ct = default) =>
        SendAsync<ItemInstance>(HttpMethod.Post, $"/api/approvals/items/{id}/special-procedures", start, ct);
    public Task<ItemInstance> EndSpecialProcedureAsync(Guid id, string result, CancellationToken ct = default) =>
        SendAsync<ItemInstance>(HttpMethod.Post, $"/api/approvals/items/{id}/special-procedures/end", new { result }, ct);

    public Task<ItemInstance> VerifyCommitmentAsync(Guid id, bool? fulfilled, string? note, CancellationToken ct = default) =>
        SendAsync<ItemInstance>(HttpMethod.Post, $"/api/approvals/items/{id}/commitment/verification", new { fulfilled, note }, ct);
    public Task<ItemInstance> RevokeAsync(Guid id, string reason, CancellationToken ct = default) =>
        SendAsync<ItemInstance>(HttpMethod.Post, $"/api/approvals/items/{id}/revoke", new { reason }, ct);
    public Task<ItemInstance> RecallAsync(Guid id, string reason, CancellationToken ct = default) =>
        SendAsync<ItemInstance>(HttpMethod.Post, $"/api/approvals/items/{id}/recall", new { reason }, ct);
    public Task<ItemInstance> HandInMaterialsAsync(Guid applicationId, Guid id, IReadOnlyList<string> materials, CancellationToken ct = default) =>
        SendAsync<ItemInstance>(HttpMethod.Post, $"/api/approvals/applications/{applicationId}/items/{id}/materials", new { materials }, ct);
    public Task<WorkingCalendarInfo> CalendarAsync(CancellationToken ct = default) => GetAsync<WorkingCalendarInfo>("/api/approvals/calendar", ct);
    public Task<CalendarYearInfo> UploadCalendarYearAsync(int year, CalendarYearUpload upload, CancellationToken ct = default) =>
        SendAsync<CalendarYearInfo>(HttpMethod.Put, $"/api/approvals/calendar/years/{year}", upload, ct);
    // 会商 on a stage: the lead department opens it, the invited ones answer once, the lead concludes.
    public Task<List<DepartmentJointReview>> JointReviewsAsync(CancellationToken ct = default) =>
        GetAsync<List<DepartmentJointReview>>("/api/approvals/consultations", ct);
    public Task<StageView> StageAsync(Guid stageId, CancellationToken ct = default) => GetAsync<StageView>($"/api/approvals/stages/{stageId}", ct);
    public Task<JointReview> OpenJointReviewAsync(Guid stageId, string topic, IReadOnlyList<string> departments, CancellationToken ct = default) =>
        SendAsync<JointReview>(HttpMethod.Post, $"/api/approvals/stages/{stageId}/consultations", new { topic, departments }, ct);
    public Task<JointReview> AnswerJointReviewAsync(Guid stageId, Guid id, string opinion, CancellationToken ct = default) =>
        SendAsync<JointReview>(HttpMethod.Post, $"/api/approvals/stages/{stageId}/consultations/{id}/answers", new { opinion }, ct);
    public Task<JointReview> ConcludeJointReviewAsync(Guid stageId, Guid id, string conclusion, CancellationToken ct = default) =>
        SendAsync<JointReview>(HttpMethod.Post, $"/api/approvals/stages/{stageId}/consultations/{id}/conclusion", new { conclusion }, ct);
    public Task<ProjectClock> ProjectClockAsync(string projectCode, CancellationToken ct = default) =>
        GetAsync<ProjectClock>($"/api/approvals/projects/{Uri.EscapeDataString(projectCode)}/clock", ct);
    public Task<List<FollowUp>> FollowUpsAsync(CancellationToken ct = default) => GetAsync<List<FollowUp>>("/api/approvals/follow-ups", ct);
}

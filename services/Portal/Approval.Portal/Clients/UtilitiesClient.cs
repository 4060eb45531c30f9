using Microsoft.AspNetCore.Components.Authorization;

namespace Approval.Portal.Clients;

/// <summary>Utilities: 市政公用服务接入 — the applicant's one-form application and progress, the utility's workbench (docs/utilities.md).</summary>
public sealed class UtilitiesClient(HttpClient http, AuthenticationStateProvider authentication) : ServiceClient(http, authentication)
{
    public Task<List<UtilityProviderView>> ProvidersAsync(CancellationToken ct = default) => GetAsync<List<UtilityProviderView>>("/api/utilities/providers", ct);
    public Task<List<UtilityApplicationView>> MyApplicationsAsync(CancellationToken ct = default) =>
        GetAsync<List<UtilityApplicationView>>("/api/utilities/applications", ct);
    public Task<UtilityApplicationView> ApplyAsync(UtilityApplyForm form, CancellationToken ct = default) =>
        SendAsync<UtilityApplicationView>(HttpMethod.Post, "/api/utilities/applications", form, ct);
    public Task<UtilityRequestView> AnswerAsync(Guid id, string answer, CancellationToken ct = default) =>
        SendAsync<UtilityRequestView>(HttpMethod.Post, $"/api/utilities/requests/{id}/supplements/answer", new { answer }, ct);

    public Task<List<UtilityRequestView>> WorkbenchAsync(CancellationToken ct = default) => GetAsync<List<UtilityRequestView>>("/api/utilities/requests", ct);
    public Task<UtilityRequestView> RequestAsync(Guid id, CancellationToken ct = default) => GetAsync<UtilityRequestView>($"/api/utilities/requests/{id}", ct);
    public Task<UtilityRequestView> SurveyAsync(Guid id, string connectionPlan, decimal? fee, string? result, CancellationToken ct = default) =>
        SendAsync<UtilityRequestView>(HttpMethod.Post, $"/api/utilities/requests/{id}/survey", new { connectionPlan, fee, result }, ct);
    public Task<UtilityRequestView> StepAsync(Guid id, string result, CancellationToken ct = default) =>
        SendAsync<UtilityRequestView>(HttpMethod.Post, $"/api/utilities/requests/{id}/steps", new { result }, ct);
    public Task<UtilityRequestView> ConnectAsync(Guid id, string? result, CancellationToken ct = default) =>
        SendAsync<UtilityRequestView>(HttpMethod.Post, $"/api/utilities/requests/{id}/connect", new { result }, ct);
    public Task<UtilityRequestView> SupplementAsync(Guid id, string reason, CancellationToken ct = default) =>
        SendAsync<UtilityRequestView>(HttpMethod.Post, $"/api/utilities/requests/{id}/supplements", new { reason }, ct);
    public Task<UtilityRequestView> EarlyPlanAsync(Guid id, string plan, CancellationToken ct = default) =>
        SendAsync<UtilityRequestView>(HttpMethod.Post, $"/api/utilities/requests/{id}/early-plan", new { plan }, ct);
}

using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Components.Authorization;

namespace Approval.Portal.Clients;

/// <summary>The Catalog (public): 办事指南 — flows, stages, items and the stage form; 咨询 about an item (docs/catalog.md); the editor in CatalogClient.Editor.cs.</summary>
public sealed partial class CatalogClient(HttpClient http, AuthenticationStateProvider authentication) : ServiceClient(http, authentication)
{
    public Task<List<FlowSummary>> FlowsAsync(CancellationToken ct = default) => GetAsync<List<FlowSummary>>("/api/catalog/flows", ct);
    public Task<Flow> FlowAsync(string code, CancellationToken ct = default) => GetAsync<Flow>($"/api/catalog/flows/{Uri.EscapeDataString(code)}", ct);
    public Task<List<StageSummary>> StagesAsync(CancellationToken ct = default) => GetAsync<List<StageSummary>>("/api/catalog/stages", ct);
    /// <summary>A stage with its limit and items: the region's, or the chosen flow's (审批流程).</summary>
    public Task<Stage> StageAsync(int no, string? flowCode = null, CancellationToken ct = default) =>
        GetAsync<Stage>($"/api/catalog/stages/{no}{(string.IsNullOrEmpty(flowCode) ? "" : $"?flow={Uri.EscapeDataString(flowCode)}")}", ct);
    public Task<List<CatalogItem>> SearchItemsAsync(string? q, CancellationToken ct = default) =>
        GetAsync<List<CatalogItem>>($"/api/catalog/items?q={Uri.EscapeDataString(q ?? "")}", ct);
    public Task<ItemDetail> ItemAsync(string code, CancellationToken ct = default) => GetAsync<ItemDetail>($"/api/catalog/items/{Uri.EscapeDataString(code)}", ct);
    public Task<JsonObject> StageFormAsync(int stageNo, IEnumerable<string> itemCodes, CancellationToken ct = default) =>
        GetAsync<JsonObject>($"/api/catalog/stages/{stageNo}/form?items={Uri.EscapeDataString(string.Join(',', itemCodes))}", ct);

    // 咨询 (R-6.5): the applicant asks; the item's department answers and may publish the answer to the item's FAQ.
    public Task<CatalogQuestion> AskAsync(string itemCode, string text, CancellationToken ct = default) =>
        SendAsync<CatalogQuestion>(HttpMethod.Post, $"/api/catalog/items/{Uri.EscapeDataString(itemCode)}/questions", new { text }, ct);
    public Task<List<CatalogQuestion>> MyQuestionsAsync(CancellationToken ct = default) => GetAsync<List<CatalogQuestion>>("/api/catalog/questions/mine", ct);
    public Task<List<CatalogQuestion>> DepartmentQuestionsAsync(CancellationToken ct = default) => GetAsync<List<CatalogQuestion>>("/api/catalog/questions", ct);
    public Task<CatalogQuestion> AnswerQuestionAsync(Guid id, string answer, bool publishToFaq, CancellationToken ct = default) =>
        SendAsync<CatalogQuestion>(HttpMethod.Post, $"/api/catalog/questions/{id}/answer", new { answer, publishToFaq }, ct);
    public Task<CatalogQuestion> PublishQuestionAsync(Guid id, CancellationToken ct = default) =>
        SendAsync<CatalogQuestion>(HttpMethod.Post, $"/api/catalog/questions/{id}/publish", null, ct);
}

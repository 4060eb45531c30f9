using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Components.Authorization;

namespace Approval.Portal.Clients;

/// <summary>The Catalog (public): 办事指南 — flows, stages, items and the stage form (docs/catalog.md).</summary>
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
}

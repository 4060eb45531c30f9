using System.Net;
using System.Text.Json.Nodes;

namespace Approval.Intake.Clients;

/// <summary>Reads the published catalog over HTTP; Intake keeps a snapshot of the items in each application.</summary>
public sealed class CatalogClient(HttpClient http)
{
    /// <summary>A stage with its limit and items: the region's, or with a flow code that flow's (null when either is unknown).</summary>
    public async Task<CatalogStage?> GetStageAsync(int stageNo, string? flowCode, CancellationToken ct)
    {
        var flow = string.IsNullOrEmpty(flowCode) ? "" : $"?flow={Uri.EscapeDataString(flowCode)}";
        using var response = await http.GetAsync($"/api/catalog/stages/{stageNo}{flow}", ct);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<CatalogStage>(ct);
    }

    /// <summary>The JSON Schema of the stage's one form for the chosen items (一张表单).</summary>
    public async Task<JsonObject> GetStageFormAsync(int stageNo, IEnumerable<string> itemCodes, CancellationToken ct) =>
        await http.GetFromJsonAsync<JsonObject>($"/api/catalog/stages/{stageNo}/form?items={Uri.EscapeDataString(string.Join(',', itemCodes))}", ct)
        ?? throw new InvalidOperationException($"The catalog has no form for stage {stageNo}.");

    /// <summary>The item's material list (申请材料) as the catalog serves it today.</summary>
    public async Task<List<CatalogMaterial>> GetMaterialsAsync(string itemCode, CancellationToken ct) =>
        (await http.GetFromJsonAsync<CatalogMaterials>($"/api/catalog/items/{Uri.EscapeDataString(itemCode)}/materials", ct))?.Materials ?? [];

}

/// <summary>A stage as the catalog serves it; Flow is the flow asked for (null without one).</summary>
public sealed record CatalogStage(int No, string Name, int TimeLimitWorkingDays, List<CatalogItem> Items, int MilestoneRule = 1, CatalogFlow? Flow = null);

public sealed record CatalogItem(
    string Code, int Version, string Name, int StageNo, CatalogDepartment Department, int TimeLimitWorkingDays,
    string? LicenceTypeCode, string? LicenceName, bool Milestone = false, bool NotificationCommitment = false, string? After = null,
    int TimeLimit = 0, int TimeLimitUnit = 1, string? RequiresReview = null,
    List<Approval.Contracts.Licences.LicenceField>? LicenceFields = null, int? LicenceValidityMonths = null);

/// <summary>An approval flow: its code, version, name and type (审批流程类型, e.g. 社会投资).</summary>
public sealed record CatalogFlow(string Code, int Version, string Name, string Type);

public sealed record CatalogDepartment(string Code, string Name, string CreditCode);

public sealed record CatalogMaterials(string ItemCode, int Version, List<CatalogMaterial> Materials);

/// <summary>One entry of an item's material list; Source is applicant, licence-library or shared.</summary>
public sealed record CatalogMaterial(string Name, string Form, int Copies, string Source, bool Required);

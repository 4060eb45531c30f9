using System.Net;
using System.Text.Json.Nodes;

namespace Approval.Intake.Api;

/// <summary>Reads the published catalog over HTTP; Intake keeps a snapshot of the items in each application.</summary>
public sealed class CatalogClient(HttpClient http, CatalogRegionCache regionCache)
{
    public async Task<CatalogStage?> GetStageAsync(int stageNo, CancellationToken ct)
    {
        using var response = await http.GetAsync($"/api/catalog/stages/{stageNo}", ct);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<CatalogStage>(ct);
    }

    /// <summary>The JSON Schema of the stage's one form for the chosen items (一张表单).</summary>
    public async Task<JsonObject> GetStageFormAsync(int stageNo, IEnumerable<string> itemCodes, CancellationToken ct) =>
        await http.GetFromJsonAsync<JsonObject>($"/api/catalog/stages/{stageNo}/form?items={Uri.EscapeDataString(string.Join(',', itemCodes))}", ct)
        ?? throw new InvalidOperationException($"The catalog has no form for stage {stageNo}.");

    public Task<CatalogRegion> GetRegionAsync(CancellationToken ct) => regionCache.GetAsync(async token =>
        await http.GetFromJsonAsync<CatalogRegion>("/api/catalog/region", token)
        ?? throw new InvalidOperationException("The catalog has no region."), ct);
}

public sealed record CatalogRegion(string Code, string Name);

public sealed record CatalogStage(int No, string Name, int TimeLimitWorkingDays, List<CatalogItem> Items);

public sealed record CatalogItem(
    string Code, int Version, string Name, int StageNo, CatalogDepartment Department, int TimeLimitWorkingDays,
    string? LicenceTypeCode, string? LicenceName);

public sealed record CatalogDepartment(string Code, string Name, string CreditCode);

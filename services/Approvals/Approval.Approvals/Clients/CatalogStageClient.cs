using System.Net.Http.Json;

namespace Approval.Approvals.Clients;

/// <summary>
/// Reads a stage's rules from the Catalog over HTTP (service discovery + the standard resilience handler) when a stage
/// instance opens: its time limit and milestone rule and, per item, the milestone flag, the 告知承诺制 flag and the item it follows.
/// </summary>
public sealed class CatalogStageClient(HttpClient http)
{
    public async Task<CatalogStageRules> GetStageAsync(int stageNo, CancellationToken ct) =>
        await http.GetFromJsonAsync<CatalogStageRules>($"/api/catalog/stages/{stageNo}", ct)
        ?? throw new InvalidOperationException($"The catalog has no stage {stageNo}.");
}

public sealed record CatalogStageRules(int No, int MilestoneRule, List<CatalogStageItem> Items, int TimeLimitWorkingDays = 0)
{
    public CatalogStageItem? Item(string code) => Items.FirstOrDefault(i => i.Code == code);
}

public sealed record CatalogStageItem(string Code, bool Milestone, bool NotificationCommitment, string? After);

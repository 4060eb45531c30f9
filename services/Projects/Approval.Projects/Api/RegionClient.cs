namespace Approval.Projects.Api;

/// <summary>The deployment's region (行政区划代码) as the catalog states it; one deployment serves one region.</summary>
public sealed class RegionClient(HttpClient http, RegionCache cache)
{
    public Task<string> GetRegionCodeAsync(CancellationToken ct) => cache.GetAsync(async token =>
        (await http.GetFromJsonAsync<CatalogRegion>("/api/catalog/region", token))?.Code
        ?? throw new InvalidOperationException("The catalog has no region."), ct);

    private sealed record CatalogRegion(string Code, string Name);
}

/// <summary>Read once per process; a failed read is not cached and is retried next time.</summary>
public sealed class RegionCache
{
    private string? region;

    public async Task<string> GetAsync(Func<CancellationToken, Task<string>> read, CancellationToken ct) => region ??= await read(ct);
}

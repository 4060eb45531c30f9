using System.Net.Http.Json;

namespace Approval.ServiceDefaults.Region;

/// <summary>The deployment's region (行政区划代码) as the Catalog states it at GET /api/catalog/region.</summary>
public sealed record CatalogRegion(string Code, string Name);

/// <summary>
/// One deployment serves one region, so services that take it from the Catalog read it once per process
/// (a singleton) instead of on every request; a failed read is not cached and is retried next time.
/// </summary>
public sealed class CatalogRegionCache
{
    private CatalogRegion? region;

    public async Task<CatalogRegion> GetAsync(HttpClient catalog, CancellationToken ct) =>
        region ??= await catalog.GetFromJsonAsync<CatalogRegion>("/api/catalog/region", ct)
                   ?? throw new InvalidOperationException("The catalog has no region.");
}

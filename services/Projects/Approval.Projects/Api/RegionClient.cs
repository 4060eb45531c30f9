using Approval.ServiceDefaults.Region;

namespace Approval.Projects.Api;

/// <summary>The deployment's region (行政区划代码) as the catalog states it, read once per process.</summary>
public sealed class RegionClient(HttpClient http, CatalogRegionCache cache)
{
    public async Task<string> GetRegionCodeAsync(CancellationToken ct) => (await cache.GetAsync(http, ct)).Code;
}

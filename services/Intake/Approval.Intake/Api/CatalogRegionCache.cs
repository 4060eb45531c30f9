namespace Approval.Intake.Api;

/// <summary>
/// The deployment's region as the catalog states it. One deployment serves one region, so it is read
/// once per process instead of on every submission; a failed read is not cached and is retried next time.
/// </summary>
public sealed class CatalogRegionCache
{
    private CatalogRegion? region;

    public async Task<CatalogRegion> GetAsync(Func<CancellationToken, Task<CatalogRegion>> read, CancellationToken ct) =>
        region ??= await read(ct);
}

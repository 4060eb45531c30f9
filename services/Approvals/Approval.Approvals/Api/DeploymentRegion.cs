using System.Text.Json;

namespace Approval.Approvals.Api;

/// <summary>The region this deployment serves (R-0.3: one deployment, one 行政区划代码), read from the region pack.</summary>
public sealed record DeploymentRegion(string Code)
{
    public static DeploymentRegion FromPack(string regionPackFolder)
    {
        using var pack = JsonDocument.Parse(File.ReadAllText(Path.Combine(regionPackFolder, "catalog.json")));
        return new DeploymentRegion(pack.RootElement.GetProperty("region").GetProperty("code").GetString()
            ?? throw new InvalidDataException("catalog.json: region.code is missing"));
    }
}

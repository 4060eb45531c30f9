using Approval.ServiceDefaults.Region;

namespace Approval.Approvals.Api;

/// <summary>The region this deployment serves (R-0.3: one deployment, one 行政区划代码), read from the region pack.</summary>
public sealed record DeploymentRegion(string Code)
{
    public static DeploymentRegion FromPack(string regionPackFolder) => new(RegionPackOrganisations.Read(regionPackFolder).RegionCode);
}

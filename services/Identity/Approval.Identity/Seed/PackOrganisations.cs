using Approval.Identity.Domain;
using Approval.ServiceDefaults.Region;

namespace Approval.Identity.Seed;

/// <summary>The organisations Identity seeds for the region: its departments (the region pack's) and the 综合服务窗口.</summary>
public static class PackOrganisations
{
    public const string WindowCode = "ZHCK";

    public static List<Organisation> Of(DeploymentRegion region)
    {
        var organisations = region.Departments.Select(d => new Organisation
        {
            RegionCode = region.Code, Code = d.Code, Name = d.Name, Kind = d.Kind, CreditCode = d.CreditCode,
        }).ToList();
        organisations.Add(new Organisation { RegionCode = region.Code, Code = WindowCode, Name = $"{region.Name}综合服务窗口", Kind = OrganisationKinds.Window });
        return organisations;
    }
}

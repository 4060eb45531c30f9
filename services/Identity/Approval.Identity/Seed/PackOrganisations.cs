using System.Text.Json;
using Approval.Identity.Domain;

namespace Approval.Identity.Seed;

/// <summary>
/// Reads only what Identity needs from regions/&lt;code&gt;/catalog.json — region.code, region.name and
/// departments[].code/name/creditCode — and ignores every other field, so the pack can grow freely.
/// </summary>
public static class PackOrganisations
{
    public const string WindowCode = "ZHCK";

    public static (HomeRegion Region, List<Organisation> Organisations) Read(string folder)
    {
        var file = Path.Combine(folder, "catalog.json");
        using var document = JsonDocument.Parse(File.ReadAllText(file));
        var root = document.RootElement;
        var region = new HomeRegion(root.GetProperty("region").GetProperty("code").GetString()!, root.GetProperty("region").GetProperty("name").GetString()!);
        var organisations = root.GetProperty("departments").EnumerateArray().Select(d => new Organisation
        {
            RegionCode = region.Code, Code = d.GetProperty("code").GetString()!, Name = d.GetProperty("name").GetString()!,
            Kind = OrganisationKinds.Department,
            CreditCode = d.TryGetProperty("creditCode", out var credit) ? credit.GetString() : null,
        }).ToList();
        organisations.Add(new Organisation { RegionCode = region.Code, Code = WindowCode, Name = $"{region.Name}综合服务窗口", Kind = OrganisationKinds.Window });
        return (region, organisations);
    }
}

using System.Text.Json;

namespace Approval.ServiceDefaults.Region;

/// <summary>A department of the region pack: its code, name and 统一社会信用代码 (the organisation record).</summary>
public sealed record PackDepartment(string Code, string Name, string? CreditCode);

/// <summary>
/// The organisation record of the deployment's region, read from regions/&lt;code&gt;/catalog.json (Approval:RegionPack):
/// region.code, region.name and departments[].code/name/creditCode only, so the pack can grow freely. Shared by the
/// services that need the region or a department's name and credit code from the record rather than from a request.
/// </summary>
public sealed record RegionPackOrganisations(string RegionCode, string RegionName, IReadOnlyList<PackDepartment> Departments)
{
    public const string Setting = "Approval:RegionPack";

    public static RegionPackOrganisations Read(string folder)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "catalog.json")));
        var root = document.RootElement;
        var region = root.GetProperty("region");
        var code = region.GetProperty("code").GetString() ?? throw new InvalidDataException("catalog.json: region.code is missing");
        var departments = root.TryGetProperty("departments", out var list)
            ? list.EnumerateArray().Select(d => new PackDepartment(d.GetProperty("code").GetString()!, d.GetProperty("name").GetString()!,
                d.TryGetProperty("creditCode", out var credit) ? credit.GetString() : null)).ToList()
            : [];
        return new RegionPackOrganisations(code, region.GetProperty("name").GetString() ?? code, departments);
    }

    /// <summary>The department of this region with the given code, or null.</summary>
    public PackDepartment? Department(string code) => Departments.FirstOrDefault(d => d.Code == code);
}

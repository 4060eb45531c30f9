using Approval.ServiceDefaults.Region;

namespace Approval.Utilities.Domain;

/// <summary>
/// The region's utilities (Approval:Utilities:Providers): each a pack organisation (departments[] of the region pack) with the
/// service types it provides, its guide and fee standard. Checked once at start: an unknown organisation or service type stops
/// the service with the setting named.
/// </summary>
public sealed class UtilityProviders
{
    public UtilityProviders(UtilitiesOptions options, DeploymentRegion region)
    {
        var errors = new List<string>();
        var list = new List<UtilityProvider>();
        foreach (var (p, i) in options.Providers.Select((p, i) => (p, i)))
        {
            var department = region.Department(p.Code ?? "");
            if (department is null) errors.Add($"Approval:Utilities:Providers:{i}:Code '{p.Code}' is not an organisation of region {region.Code}");
            foreach (var type in p.ServiceTypes.Where(t => !ServiceTypes.IsKnown(t)))
                errors.Add($"Approval:Utilities:Providers:{i}:ServiceTypes '{type}' is not one of {ServiceTypes.Describe()}");
            if (department is not null) list.Add(new UtilityProvider(department.Code, department.Name, p.ServiceTypes, p.Guide ?? "", p.FeeStandard ?? ""));
        }
        if (errors.Count > 0) throw new InvalidOperationException(string.Join(Environment.NewLine, errors));
        All = list;
    }

    public IReadOnlyList<UtilityProvider> All { get; }

    public UtilityProvider? Find(string? code) => All.FirstOrDefault(p => p.Code == code);
}

/// <summary>The section Approval:Utilities.</summary>
public sealed class UtilitiesOptions
{
    public List<ProviderOptions> Providers { get; set; } = [];
}

public sealed class ProviderOptions
{
    public string? Code { get; set; }
    public List<string> ServiceTypes { get; set; } = [];
    public string? Guide { get; set; }
    public string? FeeStandard { get; set; }
}

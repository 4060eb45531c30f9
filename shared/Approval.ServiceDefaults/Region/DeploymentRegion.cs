using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Approval.ServiceDefaults.Region;

/// <summary>
/// An organisation of the region's record: its code, name and 统一社会信用代码, and its kind — a department (审批服务单位,
/// the default), or a review agency (审查机构), an intermediary (中介机构) or a utility (公用服务单位) given by the pack's
/// departments[].kind.
/// </summary>
public sealed record RegionDepartment(string Code, string Name, string? CreditCode, string Kind = RegionDepartment.DepartmentKind)
{
    public const string DepartmentKind = "department";
    public bool IsDepartment => Kind == DepartmentKind;
}

/// <summary>
/// The region this deployment serves (R-0.3: one deployment, one 行政区划代码) and its departments — the organisation
/// record — read from regions/&lt;code&gt;/catalog.json (Approval:RegionPack): region.code, region.name,
/// region.recallGraceHours (how long after a conclusion a department may recall (撤回) its decision; 24 when absent) and
/// departments[].code/name/creditCode/kind only, so the pack can grow freely. The one source of the region for every service
/// (the Catalog imports the same pack); registered once per process by <see cref="DeploymentRegionExtensions.AddDeploymentRegion"/>.
/// </summary>
public sealed record DeploymentRegion(string Code, string Name, IReadOnlyList<RegionDepartment> Departments)
{
    /// <summary>The configuration key naming the region pack folder.</summary>
    public const string Setting = "Approval:RegionPack";

    /// <summary>撤回: how long after its conclusion a department may recall its decision (region.recallGraceHours).</summary>
    public TimeSpan RecallGrace { get; init; } = TimeSpan.FromHours(24);

    public static DeploymentRegion Read(string folder)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "catalog.json")));
        var root = document.RootElement;
        var region = root.GetProperty("region");
        var code = region.GetProperty("code").GetString() ?? throw new InvalidDataException("catalog.json: region.code is missing");
        var departments = root.TryGetProperty("departments", out var list)
            ? list.EnumerateArray().Select(d => new RegionDepartment(d.GetProperty("code").GetString()!, d.GetProperty("name").GetString()!,
                d.TryGetProperty("creditCode", out var credit) ? credit.GetString() : null,
                d.TryGetProperty("kind", out var kind) ? kind.GetString() ?? RegionDepartment.DepartmentKind : RegionDepartment.DepartmentKind)).ToList()
            : [];
        var grace = region.TryGetProperty("recallGraceHours", out var hours) ? hours.GetInt32() : 24;
        if (grace is < 0 or > 24 * 30) throw new InvalidDataException($"catalog.json: region.recallGraceHours {grace} must be 0–720 hours");
        return new DeploymentRegion(code, region.GetProperty("name").GetString() ?? code, departments) { RecallGrace = TimeSpan.FromHours(grace) };
    }

    /// <summary>The department of this region with the given code, or null.</summary>
    public RegionDepartment? Department(string code) => Departments.FirstOrDefault(d => d.Code == code);
}

public static class DeploymentRegionExtensions
{
    /// <summary>The region pack folder (Approval:RegionPack); a service that needs it refuses to start without it.</summary>
    public static string RegionPackFolder(this IConfiguration configuration) =>
        configuration[DeploymentRegion.Setting]
        ?? throw new InvalidOperationException($"{DeploymentRegion.Setting} (the region pack folder) is not configured.");

    /// <summary>Reads the <see cref="DeploymentRegion"/> from the region pack once, at start, and registers it as a singleton.</summary>
    public static IHostApplicationBuilder AddDeploymentRegion(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(DeploymentRegion.Read(builder.Configuration.RegionPackFolder()));
        return builder;
    }
}

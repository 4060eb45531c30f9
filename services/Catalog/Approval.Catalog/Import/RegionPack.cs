using Approval.Catalog.Domain;

namespace Approval.Catalog.Import;

/// <summary>
/// The JSON shape of regions/&lt;region-code&gt;/catalog.json (see docs/catalog.md). Items without an effectiveFrom
/// take the pack's, else the day of the import.
/// </summary>
public sealed record RegionPack(
    PackRegion Region,
    List<PackDepartment> Departments,
    List<PackStage> Stages,
    List<ItemDefinition> Items,
    List<PackFlow>? Flows = null,
    DateOnly? EffectiveFrom = null);

public sealed record PackRegion(string Code, string Name);

/// <summary>An organisation of the region: a department (审批部门, the default kind) or, with <c>kind</c>, a review agency,
/// an intermediary or a utility — those are organisations for Identity and the seals, not catalog departments.</summary>
public sealed record PackDepartment(string Code, string Name, string CreditCode, string? Kind = null)
{
    public static readonly string[] Kinds = ["department", "review-agency", "intermediary", "utility"];
    public bool IsDepartment => Kind is null or "department";
}

public sealed record PackStage(int No, string Name, int TimeLimitWorkingDays, int MilestoneRule = 1);

public sealed record PackFlow(string Code, int Version, string Name, string Type, List<FlowStage> Stages);

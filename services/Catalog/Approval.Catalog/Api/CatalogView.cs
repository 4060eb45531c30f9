using Approval.Catalog.Data;
using Approval.Catalog.Domain;

namespace Approval.Catalog.Api;

/// <summary>
/// The published catalog as of today, read in a few small queries (a region has tens of departments and items) and
/// joined in memory; every public endpoint answers from it, so every channel gets the same answer.
/// </summary>
public sealed class CatalogView
{
    public required Region? Region { get; init; }
    public required IReadOnlyDictionary<string, DepartmentDto> Departments { get; init; }
    public required IReadOnlyList<Stage> Stages { get; init; }
    public required IReadOnlyList<Flow> Flows { get; init; }
    public required IReadOnlyList<ItemVersion> Items { get; init; }

    public static async Task<CatalogView> LoadAsync(CatalogDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var published = await db.ItemVersions.AsNoTracking().Where(v => v.Status == ItemVersionStatus.Published).ToListAsync(ct);
        return new CatalogView
        {
            Region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(ct),
            Departments = await db.Departments.AsNoTracking()
                .ToDictionaryAsync(d => d.Code, d => new DepartmentDto(d.Code, d.Name, d.CreditCode), ct),
            Stages = await db.Stages.AsNoTracking().OrderBy(s => s.No).ToListAsync(ct),
            Flows = await db.Flows.AsNoTracking().OrderBy(f => f.Code).ToListAsync(ct),
            Items = CurrentVersions.On(published, RegionDay.Today(clock)),
        };
    }

    public ItemVersion Item(string code) =>
        Items.FirstOrDefault(i => i.Code == code) ?? throw new NotFoundException("Item 事项", code);

    public Stage Stage(int no) => Stages.FirstOrDefault(s => s.No == no) ?? throw new NotFoundException("Stage 审批阶段", no.ToString());

    public Flow Flow(string code) => Flows.FirstOrDefault(f => f.Code == code) ?? throw new NotFoundException("Flow 审批流程", code);

    /// <summary>A stage with its limit and items: the region's, or with a flow code that flow's limit and items.</summary>
    public (Stage Stage, int TimeLimitWorkingDays, IReadOnlyList<ItemVersion> Items) StageOf(int no, string? flowCode)
    {
        var stage = Stage(no);
        var items = Items.Where(i => i.StageNo == no);
        if (string.IsNullOrEmpty(flowCode)) return (stage, stage.TimeLimitWorkingDays, items.ToList());
        var ofFlow = Flow(flowCode).Stages.FirstOrDefault(s => s.StageNo == no)
            ?? throw new NotFoundException("Stage of flow 流程阶段", $"{flowCode}/{no}");
        return (stage, ofFlow.TimeLimitWorkingDays, items.Where(i => ofFlow.ItemCodes.Contains(i.Code)).ToList());
    }

    public DepartmentDto Department(string code) =>
        Departments.TryGetValue(code, out var d) ? d : new DepartmentDto(code, code, "");

    public ItemDto ToDto(ItemVersion v) => new(
        v.Code, v.Version, v.Name, v.StageNo, Department(v.DepartmentCode), v.Definition.TimeLimitWorkingDays,
        v.Definition.Licence?.TypeCode, v.Definition.Licence?.Name, v.Definition.Kind, v.Definition.ItemType,
        v.Definition.CaseType, v.Definition.NotificationCommitment, v.Definition.Milestone, v.EffectiveFrom,
        v.Definition.StatedTimeLimit, v.Definition.TimeLimitUnit, v.Definition.After, v.Definition.RequiresReview,
        v.Definition.Licence?.Fields, v.Definition.Licence?.ValidityMonths);
}

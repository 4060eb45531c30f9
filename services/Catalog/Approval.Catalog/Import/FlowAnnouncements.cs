using Approval.Catalog.Domain;
using Approval.Contracts.Events;

namespace Approval.Catalog.Import;

/// <summary>
/// The CatalogFlowPublished of a pack's flows not announced before: each stage with the pack's stage name, the flow's
/// limit for it, and its items at the versions in force on the flow's effective day (the pack's, or today if later).
/// </summary>
public static class FlowAnnouncements
{
    public static IReadOnlyList<CatalogFlowPublished> New(
        RegionPack pack, IReadOnlySet<(string Code, int Version)> announced, IEnumerable<ItemVersion> versions, DateOnly today, DateTimeOffset now)
    {
        var effectiveFrom = pack.EffectiveFrom ?? today;
        var inForce = CurrentVersions.On(versions, effectiveFrom > today ? effectiveFrom : today).ToDictionary(v => v.Code);
        var latest = versions.Where(v => v.Status == ItemVersionStatus.Published).GroupBy(v => v.Code).ToDictionary(g => g.Key, g => g.MaxBy(v => v.Version)!);
        var stageNames = pack.Stages.ToDictionary(s => s.No, s => s.Name);
        var departments = pack.Departments.ToDictionary(d => d.Code, d => d.Name);

        PublishedFlowItem Item(string code)
        {
            // A pack item not yet in force (a later effectiveFrom) is announced at its newest published version.
            var v = inForce.GetValueOrDefault(code) ?? latest[code];
            var d = v.Definition;
            return new(v.Code, v.Version, v.Name, v.DepartmentCode, departments.GetValueOrDefault(v.DepartmentCode, v.DepartmentCode),
                d.TimeLimitWorkingDays, d.NotificationCommitment, d.Milestone);
        }

        return (pack.Flows ?? []).Where(f => !announced.Contains((f.Code, f.Version)))
            .Select(f => new CatalogFlowPublished(pack.Region.Code, f.Code, f.Version, f.Name, f.Type, effectiveFrom,
                f.Stages.OrderBy(s => s.StageNo)
                    .Select(s => new PublishedFlowStage(s.StageNo, stageNames[s.StageNo], s.TimeLimitWorkingDays, s.ItemCodes.Select(Item).ToList()))
                    .ToList(), now))
            .ToList();
    }
}

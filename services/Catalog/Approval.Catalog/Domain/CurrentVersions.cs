namespace Approval.Catalog.Domain;

/// <summary>Which published version of each item is in force on a day: the highest version whose EffectiveFrom has come.</summary>
public static class CurrentVersions
{
    public static IReadOnlyList<ItemVersion> On(IEnumerable<ItemVersion> versions, DateOnly day) =>
        versions.Where(v => v.Status == ItemVersionStatus.Published && v.EffectiveFrom <= day)
            .GroupBy(v => v.Code)
            .Select(g => g.MaxBy(v => v.Version)!)
            .OrderBy(v => v.StageNo).ThenBy(v => v.Code, StringComparer.Ordinal)
            .ToList();
}

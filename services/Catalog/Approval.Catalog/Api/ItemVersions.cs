using Approval.Catalog.Domain;

namespace Approval.Catalog.Api;

public static class ItemVersions
{
    public static List<ItemVersionDto> ToDtos(IReadOnlyList<ItemVersion> versions, DateOnly today)
    {
        var inForce = CurrentVersions.On(versions, today).Select(v => v.Version).ToHashSet();
        return versions.Select(v => new ItemVersionDto(v.Code, v.Version, v.Status == ItemVersionStatus.Published ? "published" : "draft",
            v.EffectiveFrom, v.PublishedAt, inForce.Contains(v.Version))).ToList();
    }
}

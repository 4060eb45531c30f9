namespace Approval.Contracts.Events;

/// <summary>
/// A version of a catalog item (事项) was published (by the region pack import or the catalog editor); it is in force
/// from EffectiveFrom and supersedes the item's earlier versions then. Services keeping a read copy of the catalog update it.
/// After (有序审批: the item of the same stage whose decision this one waits for) and Milestone (里程碑事项) were appended
/// later; null when published by an older catalog.
/// </summary>
public sealed record CatalogItemPublished(
    string RegionCode,
    string ItemCode,
    int Version,
    string ItemName,
    int StageNo,
    string DepartmentCode,
    int TimeLimitWorkingDays,
    bool NotificationCommitment,
    string? LicenceTypeCode,
    string? LicenceName,
    DateOnly EffectiveFrom,
    DateTimeOffset PublishedAt,
    string? After = null,
    bool? Milestone = null);

using Approval.Contracts.Events;

namespace Approval.Catalog.Domain;

/// <summary>The integration events the catalog raises.</summary>
public static class CatalogEvents
{
    public static CatalogItemPublished Published(string regionCode, ItemVersion v) => new(
        regionCode, v.Code, v.Version, v.Name, v.StageNo, v.DepartmentCode, v.Definition.TimeLimitWorkingDays,
        v.Definition.NotificationCommitment, v.Definition.Licence?.TypeCode, v.Definition.Licence?.Name,
        v.EffectiveFrom!.Value, v.PublishedAt!.Value, v.Definition.After, v.Definition.Milestone);

    public static CatalogFaqPublished FaqPublished(Question q) =>
        new(q.Id, q.ItemCode, q.DepartmentCode, q.Text, q.Answer!, q.PublishedAt!.Value);
}

namespace Approval.Approvals.Domain;

/// <summary>
/// A technical review's conclusion as Reviews announced it (ReviewConcluded): what an item that needs a review result
/// (catalog requiresReview) is checked against before its department may approve it.
/// </summary>
public sealed class ConcludedReview
{
    public Guid ReviewId { get; init; }
    public string RegionCode { get; init; } = "";
    public string ProjectCode { get; init; } = "";
    public string? EngineeringCode { get; init; }
    public string TypeCode { get; init; } = "";
    public string TypeName { get; init; } = "";
    public string ConclusionName { get; init; } = "";
    public bool Passed { get; init; }
    public DateTimeOffset ConcludedAt { get; init; }

    /// <summary>A review of the item's project; when both name an engineering code (project phase), the same one.</summary>
    public static bool Serves(ConcludedReview r, ItemInstance item) =>
        r.RegionCode == item.RegionCode && r.ProjectCode == item.ProjectCode && r.TypeCode == item.RequiresReview
        && (r.EngineeringCode is null || item.EngineeringCode is null || r.EngineeringCode == item.EngineeringCode);
}

/// <summary>通过 refused (409): the item needs a passing technical review result, and the latest one is missing or 不合格.</summary>
public sealed class ReviewResultMissingException(ItemInstance item, ConcludedReview? latest) : DomainException(
    $"Item {item.ItemCode} can be approved only with a passing technical review ({item.RequiresReview}) of project {item.ProjectCode}: "
        + (latest is null ? "none has concluded." : $"the latest concluded {latest.ConclusionName} (not passing)."),
    $"本事项须取得技术审查（{latest?.TypeName ?? item.RequiresReview}）合格结果后方可通过："
        + (latest is null ? "该项目尚无已办结的技术审查。" : $"最近一次审查结论为“{latest.ConclusionName}”。"))
{
    public string? RequiredReview { get; } = item.RequiresReview;
}

namespace Approval.Contracts.Events;

/// <summary>
/// A version of an approval flow (审批流程) was published with the region pack: its stages with their limits and the items
/// of each stage at the versions in force. Announced once per flow code and version; the data exchange sends the flow,
/// stage and stage-item tables (SPGL_DFXMSPLC*) from it.
/// </summary>
public sealed record CatalogFlowPublished(
    string RegionCode,
    string FlowCode,
    int Version,
    string FlowName,
    string FlowType,
    DateOnly EffectiveFrom,
    IReadOnlyList<PublishedFlowStage> Stages,
    DateTimeOffset PublishedAt);

/// <summary>One stage of a published flow: its number (1–5, the region pack: 5 is 并行推进), name, this flow's limit (working days) and its items.</summary>
public sealed record PublishedFlowStage(int StageNo, string StageName, int TimeLimitWorkingDays, IReadOnlyList<PublishedFlowItem> Items);

/// <summary>An item of a flow's stage at the catalog version in force when the flow was published.</summary>
public sealed record PublishedFlowItem(
    string ItemCode,
    int ItemVersion,
    string ItemName,
    string DepartmentCode,
    string DepartmentName,
    int TimeLimitWorkingDays,
    bool NotificationCommitment,
    bool Milestone);

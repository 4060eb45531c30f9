namespace Approval.Catalog.Domain;

/// <summary>
/// 审批阶段, numbered by the standard stage numbers 1–5 (DOMAIN.md), with the region's limit and the milestone rule
/// that concludes it: 1 = all milestone items concluded, 2 = any milestone item concluded.
/// </summary>
public sealed class Stage
{
    public required int No { get; init; }
    public required string Name { get; init; }
    public required int TimeLimitWorkingDays { get; init; }
    public int MilestoneRule { get; init; } = 1;
}

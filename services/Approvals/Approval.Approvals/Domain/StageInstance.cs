namespace Approval.Approvals.Domain;

/// <summary>
/// The accepted stage application as the departments see it: its items are decided in parallel;
/// with more than one item it carries a 并联审批实例编码 that every item instance carries too.
/// </summary>
public sealed class StageInstance
{
    public Guid Id { get; init; }
    public Guid ApplicationId { get; init; }
    public required string RegionCode { get; init; }
    public int StageNo { get; init; }
    public string? ParallelInstanceCode { get; init; }
    public DateTimeOffset AcceptedAt { get; init; }
}

namespace Approval.Approvals.Domain;

/// <summary>过程信息: one transition of an item instance with time, actor, organisation and opinion (DOMAIN.md).</summary>
public sealed class ItemStep
{
    public long Id { get; init; }
    public Guid ItemInstanceId { get; init; }
    public int StatusCode { get; init; }
    public required string StatusName { get; init; }
    public required string Actor { get; init; }
    public required string Organisation { get; init; }
    public string? Opinion { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
}

namespace Approval.Licences.Domain;

/// <summary>One event in a licence's life: issued, revoked.</summary>
public sealed class LicenceHistoryEntry
{
    public long Id { get; init; }
    public Guid LicenceId { get; init; }
    public required string Event { get; init; }
    public required string EventName { get; init; }
    public required string Actor { get; init; }
    public string? Reason { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
}

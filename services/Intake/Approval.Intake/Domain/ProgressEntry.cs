namespace Approval.Intake.Domain;

/// <summary>One line of an application's timeline: a status change of the application or of one of its items.</summary>
public sealed class ProgressEntry
{
    public long Id { get; init; }
    public Guid ApplicationId { get; init; }
    /// <summary>Null for the application itself.</summary>
    public Guid? ItemInstanceId { get; init; }
    public string? ItemCode { get; init; }
    public required string Subject { get; init; }
    public int StatusCode { get; init; }
    public required string StatusName { get; init; }
    public required string Actor { get; init; }
    public required string Organisation { get; init; }
    public string? Opinion { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
}

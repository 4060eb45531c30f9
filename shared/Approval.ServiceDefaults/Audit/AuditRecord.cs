namespace Approval.ServiceDefaults.Audit;

/// <summary>
/// One line of the append-only audit log: who (subject, name, organisation, region), did what (action,
/// outcome), to which object, when (UTC), from where (client address) and in which trace. Written in the
/// same unit of work as the change it records; there is no update or delete path (a trigger refuses both).
/// </summary>
public sealed class AuditRecord
{
    public Guid Id { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public required string Service { get; init; }
    public required string Action { get; init; }
    public string? ObjectType { get; init; }
    public string? ObjectId { get; init; }
    public string? Outcome { get; init; }
    public string? ActorId { get; init; }
    public string? ActorName { get; init; }
    public string? Organisation { get; init; }
    public string? Region { get; init; }
    public string? RemoteAddress { get; init; }
    public string? TraceId { get; init; }
}

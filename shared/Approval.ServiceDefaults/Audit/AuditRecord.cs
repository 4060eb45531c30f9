namespace Approval.ServiceDefaults.Audit;

/// <summary>
/// One line of the append-only audit log: who (subject, name, organisation, region), did what (action,
/// outcome), to which object, when (UTC), from where (client address) and in which trace. Written in the
/// same unit of work as the change it records; there is no update or delete path (a trigger refuses both), and
/// each record is linked to the one before it by its hash (<see cref="AuditChain"/>), so a change made around the
/// trigger shows.
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

    /// <summary>Position in the service's hash chain (1, 2, …), set when the record is saved; null for records written before the chain began.</summary>
    public long? Sequence { get; internal set; }

    /// <summary>The <see cref="Hash"/> of the record before it in the chain (null for the first).</summary>
    public string? PreviousHash { get; internal set; }

    /// <summary>SM3 (hex) of this record's content, sequence and previous hash (<see cref="AuditChain.Hash"/>).</summary>
    public string? Hash { get; internal set; }
}

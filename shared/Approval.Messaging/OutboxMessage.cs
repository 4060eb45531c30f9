using Approval.ServiceDefaults.Jobs;

namespace Approval.Messaging;

/// <summary>
/// An integration event waiting to be published. It is inserted in the same transaction as the state
/// change that caused it; the relay publishes it and marks it sent only after the broker confirmed it.
/// </summary>
public sealed class OutboxMessage : IQueuedWork
{
    public long Id { get; set; }
    public Guid MessageId { get; set; }
    public required string MessageType { get; set; }
    public required string Body { get; set; }
    /// <summary>Messages of one aggregate are published in insertion order.</summary>
    public required string AggregateId { get; set; }
    public string? TraceParent { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}

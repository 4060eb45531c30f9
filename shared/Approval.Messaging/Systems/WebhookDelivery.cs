using Approval.ServiceDefaults.Jobs;

namespace Approval.Messaging.Systems;

/// <summary>
/// One notification to an organisation's system, queued in the same transaction as the change it reports
/// (an outbox of its own), retried with backoff until the receiver answers 2xx.
/// </summary>
public sealed class WebhookDelivery : IQueuedWork
{
    public Guid Id { get; init; }
    public required string OrganisationCode { get; init; }
    public required string EventType { get; init; }
    public required string Payload { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
}

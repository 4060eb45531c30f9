using Approval.ServiceDefaults.Jobs;

namespace Approval.Notifications.Domain;

/// <summary>
/// One notice to send over one channel (sms, push). Queued in the same transaction as the notice; the dispatcher sends
/// it and records the outcome, retrying with backoff — a durable queue, so none is lost and none is sent twice.
/// </summary>
public sealed class Delivery : IQueuedWork
{
    public Guid Id { get; init; }
    public Guid NoticeId { get; init; }
    public required string RecipientId { get; init; }
    public required string Channel { get; init; }
    public DeliveryStatus Status { get; set; }
    public string? Destination { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }
}

namespace Approval.Messaging.Systems;

/// <summary>The delivery log: every attempt with the receiver's answer or the error.</summary>
public sealed class WebhookAttempt
{
    public long Id { get; init; }
    public Guid DeliveryId { get; init; }
    public required string Url { get; init; }
    public int? StatusCode { get; init; }
    public string? Error { get; init; }
    public DateTimeOffset At { get; init; }
    public double DurationMs { get; init; }
}

namespace Approval.Notifications.Domain;

/// <summary>
/// A message the recording sink "sent" (SMS or push) in development and tests; written in the dispatcher's transaction,
/// one per delivery (unique), so tests can assert exactly one message per notice.
/// </summary>
public sealed class SentMessage
{
    public Guid Id { get; init; }
    public Guid DeliveryId { get; init; }
    public required string Channel { get; init; }
    public required string Destination { get; init; }
    public required string RecipientId { get; init; }
    public Guid ApplicationId { get; init; }
    public required string Text { get; init; }
    public DateTimeOffset SentAt { get; init; }
}

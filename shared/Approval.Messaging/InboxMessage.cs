namespace Approval.Messaging;

/// <summary>A message a consumer has applied; its row commits with the consumer's effect, so a redelivery is skipped.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; set; }
    public required string Consumer { get; set; }
    public DateTimeOffset ProcessedAt { get; set; }
}

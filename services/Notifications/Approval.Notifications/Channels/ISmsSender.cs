namespace Approval.Notifications.Channels;

/// <summary>Sends one SMS. <see cref="SmsMessage.DeliveryId"/> is the idempotency key a provider deduplicates on.</summary>
public interface ISmsSender
{
    Task SendAsync(SmsMessage message, CancellationToken ct);
}

public sealed record SmsMessage(Guid DeliveryId, string Mobile, string Text, string RecipientId, Guid ApplicationId);

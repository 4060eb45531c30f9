using Approval.Notifications.Data;
using Approval.Notifications.Domain;

namespace Approval.Notifications.Channels;

/// <summary>The development/test SMS sink: records the message in the database (GET /api/notifications/sms-sink) saved with the delivery's outcome.</summary>
public sealed class RecordingSmsSender(NotificationsDbContext db, TimeProvider clock) : ISmsSender
{
    public Task SendAsync(SmsMessage m, CancellationToken ct)
    {
        db.SentMessages.Add(new SentMessage
        {
            Id = Guid.CreateVersion7(), DeliveryId = m.DeliveryId, Channel = SmsChannel.ChannelName, Destination = m.Mobile,
            RecipientId = m.RecipientId, ApplicationId = m.ApplicationId, Text = m.Text, SentAt = clock.GetUtcNow(),
        });
        return Task.CompletedTask;
    }
}

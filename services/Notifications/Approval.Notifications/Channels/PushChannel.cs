using Approval.Notifications.Data;
using Approval.Notifications.Domain;

namespace Approval.Notifications.Channels;

/// <summary>
/// Mobile push (移动端推送) to the recipient's account. Here it is the recording sink (GET /api/notifications/push-sink);
/// a push gateway plugs in as another <see cref="INotificationChannel"/> named "push", as the SMS provider does.
/// </summary>
public sealed class PushChannel(NotificationsDbContext db, TimeProvider clock) : INotificationChannel
{
    public const string ChannelName = "push";

    public string Name => ChannelName;

    public Task<DeliveryOutcome> SendAsync(Delivery delivery, Notice notice, CancellationToken ct)
    {
        db.SentMessages.Add(new SentMessage
        {
            Id = Guid.CreateVersion7(), DeliveryId = delivery.Id, Channel = ChannelName, Destination = delivery.RecipientId,
            RecipientId = delivery.RecipientId, ApplicationId = notice.ApplicationId, Text = $"{notice.Title}：{notice.Body}", SentAt = clock.GetUtcNow(),
        });
        return Task.FromResult<DeliveryOutcome>(new DeliveryOutcome.Sent(delivery.RecipientId));
    }
}

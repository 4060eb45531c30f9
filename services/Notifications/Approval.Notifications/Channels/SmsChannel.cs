using Approval.Notifications.Data;
using Approval.Notifications.Domain;
using Microsoft.Extensions.Options;

namespace Approval.Notifications.Channels;

/// <summary>
/// SMS to the recipient's own mobile number (their settings) or else the one given with the application. While neither
/// is known the delivery waits (an event may have overtaken the application's), up to AddressGrace; then it is undeliverable.
/// </summary>
public sealed class SmsChannel(NotificationsDbContext db, ISmsSender sender, IOptions<NotificationOptions> options, TimeProvider clock) : INotificationChannel
{
    public const string ChannelName = "sms";

    public string Name => ChannelName;

    public async Task<DeliveryOutcome> SendAsync(Delivery delivery, Notice notice, CancellationToken ct)
    {
        var mobile = await db.RecipientSettings.Where(s => s.UserId == delivery.RecipientId).Select(s => s.Mobile).FirstOrDefaultAsync(ct)
            ?? await db.Contacts.Where(c => c.ApplicationId == notice.ApplicationId).Select(c => c.Mobile).FirstOrDefaultAsync(ct);
        if (mobile is null)
            return clock.GetUtcNow() - delivery.CreatedAt < options.Value.AddressGrace
                ? new DeliveryOutcome.Postponed("no mobile number known yet / 暂无手机号码")
                : new DeliveryOutcome.Undeliverable("no mobile number / 无手机号码");
        await sender.SendAsync(new SmsMessage(delivery.Id, mobile, NoticeTexts.Sms(notice.Body), delivery.RecipientId, notice.ApplicationId), ct);
        return new DeliveryOutcome.Sent(mobile);
    }
}

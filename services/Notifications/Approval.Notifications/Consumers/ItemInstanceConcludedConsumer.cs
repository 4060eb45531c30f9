using Approval.Contracts.Events;
using Approval.Messaging;
using Approval.Notifications.Data;
using Approval.Notifications.Domain;

namespace Approval.Notifications.Consumers;

/// <summary>办结: tells the application's applicant each item's conclusion (held until the applicant is known).</summary>
public sealed class ItemInstanceConcludedConsumer(NotificationsDbContext db, NoticeBook book, TimeProvider clock, ILogger<ItemInstanceConcludedConsumer> log)
    : InboxConsumer<NotificationsDbContext, ItemInstanceConcluded>(db, clock, log)
{
    protected override async Task HandleAsync(ItemInstanceConcluded m, CancellationToken ct)
    {
        await book.NotifyAsync(m.ApplicationId, null, NoticeTexts.For(m), ct);
    }
}

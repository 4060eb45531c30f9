using Approval.Contracts.Events;
using Approval.Messaging;
using Approval.Notifications.Data;
using Approval.Notifications.Domain;

namespace Approval.Notifications.Consumers;

/// <summary>An item's 补正（开始）: tells the applicant the department's complete list and that the item's clock is paused.</summary>
public sealed class ItemCorrectionRequestedConsumer(NotificationsDbContext db, NoticeBook book, TimeProvider clock, ILogger<ItemCorrectionRequestedConsumer> log)
    : InboxConsumer<NotificationsDbContext, ItemCorrectionRequested>(db, clock, log)
{
    protected override async Task HandleAsync(ItemCorrectionRequested m, CancellationToken ct)
    {
        await book.NotifyAsync(m.ApplicationId, m.ApplicantId, NoticeTexts.For(m), ct);
    }
}

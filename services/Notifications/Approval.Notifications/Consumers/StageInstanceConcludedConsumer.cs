using Approval.Contracts.Events;
using Approval.Messaging;
using Approval.Notifications.Data;
using Approval.Notifications.Domain;

namespace Approval.Notifications.Consumers;

/// <summary>阶段办结: tells the application's applicant once that the stage concluded, approved or not.</summary>
public sealed class StageInstanceConcludedConsumer(NotificationsDbContext db, NoticeBook book, TimeProvider clock, ILogger<StageInstanceConcludedConsumer> log)
    : InboxConsumer<NotificationsDbContext, StageInstanceConcluded>(db, clock, log)
{
    protected override async Task HandleAsync(StageInstanceConcluded m, CancellationToken ct)
    {
        await book.NotifyAsync(m.ApplicationId, null, NoticeTexts.For(m), ct);
    }
}

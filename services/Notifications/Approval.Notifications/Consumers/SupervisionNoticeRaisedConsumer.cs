using Approval.Contracts.Events;
using Approval.Messaging;
using Approval.Notifications.Data;
using Approval.Notifications.Domain;

namespace Approval.Notifications.Consumers;

/// <summary>
/// Supervision's 预警 / 逾期 / 督办 about an item clock: one notice per staff recipient (inbox and SMS to the number the
/// recipient set). Keyed by the item clock, never an application, so no applicant's number is ever used for it.
/// </summary>
public sealed class SupervisionNoticeRaisedConsumer(NotificationsDbContext db, NoticeBook book, TimeProvider clock, ILogger<SupervisionNoticeRaisedConsumer> log)
    : InboxConsumer<NotificationsDbContext, SupervisionNoticeRaised>(db, clock, log)
{
    protected override async Task HandleAsync(SupervisionNoticeRaised m, CancellationToken ct)
    {
        foreach (var recipient in m.RecipientIds.Distinct())
            await book.NotifyAsync(m.SubjectId, recipient, new NoticeText("supervision-" + m.Kind, m.Title, m.Body), ct);
    }
}

using Approval.Contracts.Events;
using Approval.Messaging;
using Approval.Notifications.Data;
using Approval.Notifications.Domain;

namespace Approval.Notifications.Consumers;

/// <summary>电子证照签发: tells the application's applicant each certificate (held until the applicant is known).</summary>
public sealed class LicenceIssuedConsumer(NotificationsDbContext db, NoticeBook book, TimeProvider clock, ILogger<LicenceIssuedConsumer> log)
    : InboxConsumer<NotificationsDbContext, LicenceIssued>(db, clock, log)
{
    protected override async Task HandleAsync(LicenceIssued m, CancellationToken ct)
    {
        await book.NotifyAsync(m.ApplicationId, null, NoticeTexts.For(m), ct);
    }
}

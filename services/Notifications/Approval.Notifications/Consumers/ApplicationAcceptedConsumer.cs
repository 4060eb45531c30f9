using Approval.Contracts.Events;
using Approval.Messaging;
using Approval.Notifications.Data;
using Approval.Notifications.Domain;

namespace Approval.Notifications.Consumers;

/// <summary>受理: remembers the applicant (if 接件 has not arrived yet) and tells them the application was accepted.</summary>
public sealed class ApplicationAcceptedConsumer(NotificationsDbContext db, NoticeBook book, TimeProvider clock, ILogger<ApplicationAcceptedConsumer> log)
    : InboxConsumer<NotificationsDbContext, ApplicationAccepted>(db, clock, log)
{
    protected override async Task HandleAsync(ApplicationAccepted m, CancellationToken ct)
    {
        await book.RememberApplicantAsync(m.ApplicationId, m.ApplicantId, m.ApplicantName, null, ct);
        await book.NotifyAsync(m.ApplicationId, m.ApplicantId, NoticeTexts.For(m), ct);
    }
}

using Approval.Contracts.Events;
using Approval.Messaging;
using Approval.Notifications.Data;
using Approval.Notifications.Domain;

namespace Approval.Notifications.Consumers;

/// <summary>补正（开始）: tells the applicant the complete list of corrections.</summary>
public sealed class ApplicationCorrectionRequestedConsumer(NotificationsDbContext db, NoticeBook book, TimeProvider clock, ILogger<ApplicationCorrectionRequestedConsumer> log)
    : InboxConsumer<NotificationsDbContext, ApplicationCorrectionRequested>(db, clock, log)
{
    protected override async Task HandleAsync(ApplicationCorrectionRequested m, CancellationToken ct)
    {
        await book.NotifyAsync(m.ApplicationId, m.ApplicantId, NoticeTexts.For(m), ct);
    }
}

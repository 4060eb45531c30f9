using Approval.Contracts.Events;
using Approval.Messaging;
using Approval.Notifications.Data;
using Approval.Notifications.Domain;

namespace Approval.Notifications.Consumers;

/// <summary>补正（结束）: confirms the resubmission to the applicant.</summary>
public sealed class ApplicationCorrectedConsumer(NotificationsDbContext db, NoticeBook book, TimeProvider clock, ILogger<ApplicationCorrectedConsumer> log)
    : InboxConsumer<NotificationsDbContext, ApplicationCorrected>(db, clock, log)
{
    protected override async Task HandleAsync(ApplicationCorrected m, CancellationToken ct)
    {
        await book.NotifyAsync(m.ApplicationId, m.ApplicantId, NoticeTexts.For(m), ct);
    }
}

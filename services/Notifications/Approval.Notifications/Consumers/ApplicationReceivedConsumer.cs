using Approval.Contracts.Events;
using Approval.Messaging;
using Approval.Notifications.Data;
using Approval.Notifications.Domain;

namespace Approval.Notifications.Consumers;

/// <summary>接件: remembers the applicant (and the mobile number given) and tells them the application was received.</summary>
public sealed class ApplicationReceivedConsumer(NotificationsDbContext db, NoticeBook book, TimeProvider clock, ILogger<ApplicationReceivedConsumer> log)
    : InboxConsumer<NotificationsDbContext, ApplicationReceived>(db, clock, log)
{
    protected override async Task HandleAsync(ApplicationReceived m, CancellationToken ct)
    {
        await book.RememberApplicantAsync(m.ApplicationId, m.ApplicantId, m.ApplicantName, m.ApplicantMobile, ct);
        await book.NotifyAsync(m.ApplicationId, m.ApplicantId, NoticeTexts.For(m), ct);
    }
}

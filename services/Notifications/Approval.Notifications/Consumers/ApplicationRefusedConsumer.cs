using Approval.Contracts.Events;
using Approval.Messaging;
using Approval.Notifications.Data;
using Approval.Notifications.Domain;

namespace Approval.Notifications.Consumers;

/// <summary>不受理 / 不予受理: tells the applicant with the reason.</summary>
public sealed class ApplicationRefusedConsumer(NotificationsDbContext db, NoticeBook book, TimeProvider clock, ILogger<ApplicationRefusedConsumer> log)
    : InboxConsumer<NotificationsDbContext, ApplicationRefused>(db, clock, log)
{
    protected override async Task HandleAsync(ApplicationRefused m, CancellationToken ct)
    {
        await book.NotifyAsync(m.ApplicationId, m.ApplicantId, NoticeTexts.For(m), ct);
    }
}

using Approval.Notifications.Channels;
using Approval.Notifications.Data;
using Approval.Notifications.Domain;
using Approval.ServiceDefaults;

namespace Approval.Notifications.Consumers;

/// <summary>
/// Writes notices and their deliveries inside a consumer's inbox transaction (so they commit once, with the inbox row).
/// Work on one application is serialised by a transaction-scoped advisory lock: a notice stored without a recipient and
/// the applicant's arrival can never miss each other, whichever consumer runs first.
/// </summary>
public sealed class NoticeBook(NotificationsDbContext db, TimeProvider clock)
{
    public static readonly string[] Channels = [SmsChannel.ChannelName, PushChannel.ChannelName];

    /// <summary>Records who applied and addresses every notice of the application that was waiting for them.</summary>
    public async Task RememberApplicantAsync(Guid applicationId, string applicantId, string applicantName, string? mobile, CancellationToken ct)
    {
        await LockAsync(applicationId, ct);
        var contact = await db.Contacts.FirstOrDefaultAsync(c => c.ApplicationId == applicationId, ct);
        if (contact is null)
            db.Contacts.Add(new ApplicantContact { ApplicationId = applicationId, ApplicantId = applicantId, ApplicantName = applicantName, Mobile = mobile });
        else
            (contact.ApplicantId, contact.ApplicantName, contact.Mobile) = (applicantId, applicantName, mobile ?? contact.Mobile);
        foreach (var waiting in await db.Notices.Where(n => n.ApplicationId == applicationId && n.RecipientId == null).ToListAsync(ct))
        {
            waiting.RecipientId = applicantId;
            QueueDeliveries(waiting);
        }
    }

    /// <summary>Stores the notice; addressed to <paramref name="applicantId"/>, else to the application's known applicant, else held until known.</summary>
    public async Task NotifyAsync(Guid applicationId, string? applicantId, NoticeText text, CancellationToken ct)
    {
        await LockAsync(applicationId, ct);
        var recipient = applicantId
            ?? db.Contacts.Local.FirstOrDefault(c => c.ApplicationId == applicationId)?.ApplicantId
            ?? await db.Contacts.Where(c => c.ApplicationId == applicationId).Select(c => c.ApplicantId).FirstOrDefaultAsync(ct);
        var notice = new Notice
        {
            Id = Guid.CreateVersion7(), ApplicationId = applicationId, RecipientId = recipient, Kind = text.Kind, Title = text.Title,
            Body = text.Body, CreatedAt = clock.GetUtcNow(),
        };
        db.Notices.Add(notice);
        if (recipient is not null) QueueDeliveries(notice);
    }

    private void QueueDeliveries(Notice notice)
    {
        var now = clock.GetUtcNow();
        foreach (var channel in Channels)
            db.Deliveries.Add(new Delivery
            {
                Id = Guid.CreateVersion7(), NoticeId = notice.Id, RecipientId = notice.RecipientId!, Channel = channel,
                Status = DeliveryStatus.Pending, CreatedAt = now, NextAttemptAt = now,
            });
    }

    private Task LockAsync(Guid applicationId, CancellationToken ct) =>
        db.Database.LockAsync(applicationId.ToString(), ct);
}

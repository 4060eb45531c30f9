using Approval.Contracts.Events;
using Approval.Messaging;
using Approval.Notifications.Data;
using Approval.Notifications.Domain;

namespace Approval.Notifications.Consumers;

/// <summary>技术审查开始: tells the applicant who commissioned the review.</summary>
public sealed class ReviewStartedConsumer(NotificationsDbContext db, NoticeBook book, TimeProvider clock, ILogger<ReviewStartedConsumer> log)
    : InboxConsumer<NotificationsDbContext, ReviewStarted>(db, clock, log)
{
    protected override Task HandleAsync(ReviewStarted m, CancellationToken ct) => book.NotifyAsync(m.ReviewId, m.OwnerId, NoticeTexts.For(m), ct);
}

/// <summary>技术审查补充材料: tells the applicant what to supplement (the review's clock pauses).</summary>
public sealed class ReviewSupplementRequestedConsumer(NotificationsDbContext db, NoticeBook book, TimeProvider clock, ILogger<ReviewSupplementRequestedConsumer> log)
    : InboxConsumer<NotificationsDbContext, ReviewSupplementRequested>(db, clock, log)
{
    protected override Task HandleAsync(ReviewSupplementRequested m, CancellationToken ct) => book.NotifyAsync(m.ReviewId, m.OwnerId, NoticeTexts.For(m), ct);
}

/// <summary>技术审查办结: tells the applicant the conclusion.</summary>
public sealed class ReviewConcludedConsumer(NotificationsDbContext db, NoticeBook book, TimeProvider clock, ILogger<ReviewConcludedConsumer> log)
    : InboxConsumer<NotificationsDbContext, ReviewConcluded>(db, clock, log)
{
    protected override Task HandleAsync(ReviewConcluded m, CancellationToken ct) => book.NotifyAsync(m.ReviewId, m.OwnerId, NoticeTexts.For(m), ct);
}

/// <summary>Each utility step (受理勘查, the steps between, 验收开通): one notice per step with its result.</summary>
public sealed class UtilityStepRecordedConsumer(NotificationsDbContext db, NoticeBook book, TimeProvider clock, ILogger<UtilityStepRecordedConsumer> log)
    : InboxConsumer<NotificationsDbContext, UtilityStepRecorded>(db, clock, log)
{
    protected override Task HandleAsync(UtilityStepRecorded m, CancellationToken ct) => book.NotifyAsync(m.RequestId, m.ApplicantId, NoticeTexts.For(m), ct);
}

/// <summary>中介服务承接: the agency accepted the applicant's commission.</summary>
public sealed class CommissionAcceptedConsumer(NotificationsDbContext db, NoticeBook book, TimeProvider clock, ILogger<CommissionAcceptedConsumer> log)
    : InboxConsumer<NotificationsDbContext, CommissionAccepted>(db, clock, log)
{
    protected override Task HandleAsync(CommissionAccepted m, CancellationToken ct) => book.NotifyAsync(m.CommissionId, m.OwnerId, NoticeTexts.For(m), ct);
}

/// <summary>中介服务成果交付: the agency delivered a sealed deliverable.</summary>
public sealed class DeliverableDeliveredConsumer(NotificationsDbContext db, NoticeBook book, TimeProvider clock, ILogger<DeliverableDeliveredConsumer> log)
    : InboxConsumer<NotificationsDbContext, DeliverableDelivered>(db, clock, log)
{
    protected override Task HandleAsync(DeliverableDelivered m, CancellationToken ct) => book.NotifyAsync(m.CommissionId, m.OwnerId, NoticeTexts.For(m), ct);
}

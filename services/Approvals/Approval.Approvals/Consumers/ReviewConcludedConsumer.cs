using Approval.Approvals.Data;
using Approval.Approvals.Domain;
using Approval.Contracts.Events;
using Approval.Messaging;

namespace Approval.Approvals.Consumers;

/// <summary>Keeps each technical review's conclusion (Reviews) for the items whose 通过 needs one (catalog requiresReview).</summary>
public sealed class ReviewConcludedConsumer(ApprovalsDbContext db, TimeProvider clock, ILogger<ReviewConcludedConsumer> log)
    : InboxConsumer<ApprovalsDbContext, ReviewConcluded>(db, clock, log)
{
    protected override async Task HandleAsync(ReviewConcluded m, CancellationToken ct)
    {
        if (await Db.ConcludedReviews.AnyAsync(r => r.ReviewId == m.ReviewId, ct)) return; // a review concludes once
        Db.ConcludedReviews.Add(new ConcludedReview
        {
            ReviewId = m.ReviewId, RegionCode = m.RegionCode, ProjectCode = m.ProjectCode, EngineeringCode = m.EngineeringCode,
            TypeCode = m.TypeCode, TypeName = m.TypeName, ConclusionName = m.ConclusionName, Passed = m.Passed, ConcludedAt = m.ConcludedAt,
        });
    }
}

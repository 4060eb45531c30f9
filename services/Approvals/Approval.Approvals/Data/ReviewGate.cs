using Approval.Approvals.Domain;

namespace Approval.Approvals.Data;

public static class ReviewGate
{
    /// <summary>An item that needs a technical review result is approved only when the latest such review of its project passed (else 409).</summary>
    public static async Task EnsureReviewPassedAsync(this ApprovalsDbContext db, ItemInstance item, CancellationToken ct)
    {
        if (item.RequiresReview is not { } type) return;
        var reviews = await db.ConcludedReviews.AsNoTracking()
            .Where(r => r.RegionCode == item.RegionCode && r.ProjectCode == item.ProjectCode && r.TypeCode == type).ToListAsync(ct);
        var latest = reviews.Where(r => ConcludedReview.Serves(r, item)).MaxBy(r => r.ConcludedAt);
        if (latest is not { Passed: true }) throw new ReviewResultMissingException(item, latest);
    }
}

using Approval.Calendar;
using Approval.Reviews.Data;
using Approval.Reviews.Domain;

namespace Approval.Reviews.Api;

/// <summary>
/// Who sees and acts on a review: the applicant who commissioned it, the agency it was commissioned from (its own staff
/// with role review-agency), and the staff of its region (read only). Anyone else is told it does not exist (404, audited).
/// </summary>
public sealed class ReviewAccess(ReviewsDbContext db, IAuditLog audit, WorkingCalendar calendar, WarningThreshold threshold, TimeProvider clock)
{
    private static readonly string[] StaffReaders = [Roles.Window, Roles.Department, Roles.DepartmentLead, Roles.Supervisor, Roles.RegionAdmin];

    public static bool IsStaffReader(ClaimsPrincipal user) => StaffReaders.Any(user.IsInRole);

    /// <summary>Staff of the agency the review was commissioned from: its organisation code in the review's region (another region may reuse the code).</summary>
    public static bool IsAgencyOf(ClaimsPrincipal user, Review r) =>
        user.IsInRole(Roles.ReviewAgency) && user.OrganisationCode() == r.AgencyCode && user.InRegion(r.RegionCode);

    public Task<Review> ReadableAsync(Guid id, ClaimsPrincipal user, CancellationToken ct) =>
        FindAsync(id, user, r => r.OwnerId == user.UserId() || IsAgencyOf(user, r) || (IsStaffReader(user) && user.InRegion(r.RegionCode)),
            "neither the applicant, the agency nor staff of its region", ct);

    public Task<Review> OfAgencyAsync(Guid id, ClaimsPrincipal user, CancellationToken ct) =>
        FindAsync(id, user, r => IsAgencyOf(user, r), "not the agency the review was commissioned from", ct);

    public Task<Review> OfApplicantAsync(Guid id, ClaimsPrincipal user, CancellationToken ct) =>
        FindAsync(id, user, r => r.OwnerId == user.UserId(), "not the applicant who commissioned the review", ct);

    public ReviewDto ToDto(Review r) => ReviewDto.From(r, r.ReadClock(calendar, clock.GetUtcNow(), threshold));

    private async Task<Review> FindAsync(Guid id, ClaimsPrincipal user, Func<Review, bool> allowed, string denial, CancellationToken ct)
    {
        var review = await db.Reviews.FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("Review 技术审查", id.ToString());
        if (allowed(review)) return review;
        await audit.DenyAsync("review", id.ToString(), denial, ct, review.RegionCode);
        throw new NotFoundException("Review 技术审查", id.ToString());
    }
}

using Approval.Supervision.Data;
using Approval.Supervision.Domain;

namespace Approval.Supervision.Api;

/// <summary>
/// Who may see or handle a rating: the rater; the staff of the unit that handled the matter (the item's department and its
/// lead, the review agency, the utility, the intermediary, the window — their own organisation in their region); the region's
/// supervisors and administrators. Anyone else: 404 (audited), its existence not revealed.
/// </summary>
public static class RatingAccess
{
    public const string Units = "rating-units";
    public static readonly string[] UnitRoles = [Roles.Department, Roles.DepartmentLead, Roles.ReviewAgency, Roles.Utility, Roles.Intermediary, Roles.Window];

    public static bool IsUnitStaff(ClaimsPrincipal user, Rating r) =>
        user.InRegion(r.RegionCode) && user.OrganisationCode() == r.UnitCode && RolesOf(r.Kind).Any(user.IsInRole);

    public static string[] RolesOf(string kind) => kind switch
    {
        Rating.Item => [Roles.Department, Roles.DepartmentLead],
        Rating.Review => [Roles.ReviewAgency],
        Rating.Utility => [Roles.Utility],
        Rating.Intermediary => [Roles.Intermediary],
        _ => [Roles.Window],
    };

    public static bool IsSupervisor(ClaimsPrincipal user, Rating r) =>
        (user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.RegionAdmin)) && user.InRegion(r.RegionCode);

    public static bool IsRater(ClaimsPrincipal user, Rating r) => user.IsInRole(Roles.Applicant) && r.RaterId == user.UserId();

    /// <summary>A rating the caller may read; <c>Staff</c> when they see it as staff (the rater's account, the appeal).</summary>
    public static async Task<(Rating Rating, bool Staff)> ForReaderAsync(SupervisionDbContext db, IAuditLog audit, Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var r = await FindAsync(db, id, ct);
        if (IsUnitStaff(user, r) || IsSupervisor(user, r)) return (r, true);
        if (IsRater(user, r)) return (r, false);
        throw await DenyAsync(audit, r, "not the rater, the unit's staff or the region's supervisors", ct);
    }

    public static async Task<Rating> ForUnitAsync(SupervisionDbContext db, IAuditLog audit, Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var r = await FindAsync(db, id, ct);
        return IsUnitStaff(user, r) ? r : throw await DenyAsync(audit, r, "not staff of the unit that handled it", ct);
    }

    public static async Task<Rating> ForSupervisorAsync(SupervisionDbContext db, IAuditLog audit, Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var r = await FindAsync(db, id, ct);
        return IsSupervisor(user, r) ? r : throw await DenyAsync(audit, r, "a supervisor of another region", ct);
    }

    private static async Task<Rating> FindAsync(SupervisionDbContext db, Guid id, CancellationToken ct) =>
        await db.Ratings.FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("Rating 评价", id.ToString());

    private static async Task<NotFoundException> DenyAsync(IAuditLog audit, Rating r, string why, CancellationToken ct)
    {
        await audit.DenyAsync("rating", r.Id.ToString(), why, ct, r.RegionCode);
        return new NotFoundException("Rating 评价", r.Id.ToString());
    }
}

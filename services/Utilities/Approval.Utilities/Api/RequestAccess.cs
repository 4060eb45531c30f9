using Approval.Utilities.Data;
using Approval.Utilities.Domain;

namespace Approval.Utilities.Api;

/// <summary>
/// Who may see or act on a utility request: the utility it is addressed to (its staff or system, of the request's region) and
/// the applicant who applied. Anyone else gets 404, audited, not a hint that it exists.
/// </summary>
internal static class RequestAccess
{
    public static bool IsUtilityOf(ClaimsPrincipal user, UtilityRequest r) =>
        user.IsInRole(Roles.Utility) && user.InRegion(r.RegionCode) && user.OrganisationCode() == r.UtilityCode;

    public static Task<UtilityRequest> ForUtilityAsync(UtilitiesDbContext db, Guid id, ClaimsPrincipal user, IAuditLog audit, CancellationToken ct) =>
        FindAsync(db, id, user, audit, r => IsUtilityOf(user, r), "not the utility it is addressed to", ct);

    public static Task<UtilityRequest> ForApplicantAsync(UtilitiesDbContext db, Guid id, ClaimsPrincipal user, IAuditLog audit, CancellationToken ct) =>
        FindAsync(db, id, user, audit, r => r.ApplicantId == user.UserId(), "not the applicant", ct);

    public static Task<UtilityRequest> VisibleAsync(UtilitiesDbContext db, Guid id, ClaimsPrincipal user, IAuditLog audit, CancellationToken ct) =>
        FindAsync(db, id, user, audit, r => IsUtilityOf(user, r) || r.ApplicantId == user.UserId(), "neither its utility nor its applicant", ct);

    private static async Task<UtilityRequest> FindAsync(UtilitiesDbContext db, Guid id, ClaimsPrincipal user, IAuditLog audit,
        Func<UtilityRequest, bool> allowed, string why, CancellationToken ct)
    {
        var request = await db.Requests.FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw NotFound(id);
        if (allowed(request)) return request;
        await audit.DenyAsync("utility-request", id.ToString(), why, ct, request.RegionCode);
        throw NotFound(id);
    }

    private static NotFoundException NotFound(Guid id) => new("Utility request 报装", id.ToString());
}

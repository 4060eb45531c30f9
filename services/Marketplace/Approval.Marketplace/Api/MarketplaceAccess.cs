using Approval.Marketplace.Data;
using Approval.Marketplace.Domain;

namespace Approval.Marketplace.Api;

/// <summary>
/// Who may see and touch what: a commission belongs to its applicant (owner) and to the staff of the commissioned agency
/// (role intermediary, same organisation and region); the region admin and supervisor of its region may read it. Anyone
/// else gets 404 (audited), never a hint that it exists.
/// </summary>
public sealed class MarketplaceAccess(MarketplaceDbContext db, IAuditLog audit)
{
    private static readonly string[] Readers = [Roles.RegionAdmin, Roles.Supervisor];

    /// <summary>The caller's own agency (role intermediary, by organisation and region), or null before it registered.</summary>
    public Task<Agency?> OwnAgencyAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var org = user.OrganisationCode();
        var region = user.RegionCode();
        return org is null || region is null ? Task.FromResult<Agency?>(null)
            : db.Agencies.FirstOrDefaultAsync(a => a.OrgCode == org && a.RegionCode == region, ct);
    }

    public async Task<Agency> RequireOwnAgencyAsync(ClaimsPrincipal user, CancellationToken ct) =>
        await OwnAgencyAsync(user, ct) ?? throw new NotFoundException("Agency 中介机构", user.OrganisationCode() ?? "");

    public static bool IsAgencyOf(ClaimsPrincipal user, Commission c) =>
        user.IsInRole(Roles.Intermediary) && user.OrganisationCode() == c.AgencyOrgCode && user.InRegion(c.RegionCode);

    public static bool IsOwner(ClaimsPrincipal user, string ownerId) => user.IsInRole(Roles.Applicant) && user.UserId() == ownerId;

    public static bool IsReader(ClaimsPrincipal user, string region) => Readers.Any(user.IsInRole) && user.InRegion(region);

    /// <summary>The commission if the caller may read it (owner, its agency, region admin/supervisor); else 404.</summary>
    public Task<Commission> ReadableAsync(Guid id, ClaimsPrincipal user, CancellationToken ct) =>
        FindAsync(id, user, c => IsOwner(user, c.OwnerId) || IsAgencyOf(user, c) || IsReader(user, c.RegionCode), "neither its applicant, its agency nor staff of its region", ct);

    /// <summary>The commission if the caller is staff of the commissioned agency; another agency gets 404.</summary>
    public Task<Commission> OfAgencyAsync(Guid id, ClaimsPrincipal user, CancellationToken ct) =>
        FindAsync(id, user, c => IsAgencyOf(user, c), "not the commissioned agency", ct);

    /// <summary>The commission if the caller is its applicant; else 404.</summary>
    public Task<Commission> OfOwnerAsync(Guid id, ClaimsPrincipal user, CancellationToken ct) =>
        FindAsync(id, user, c => IsOwner(user, c.OwnerId), "not the applicant of the commission", ct);

    /// <summary>The selection if the caller may read it (its applicant, region admin/supervisor); else 404.</summary>
    public async Task<Selection> SelectionAsync(Guid id, ClaimsPrincipal user, bool ownerOnly, CancellationToken ct)
    {
        var selection = await db.Selections.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (selection is not null && (IsOwner(user, selection.OwnerId) || (!ownerOnly && IsReader(user, selection.RegionCode)))) return selection;
        if (selection is not null) await audit.DenyAsync("selection", id.ToString(), "not the applicant of the selection", ct, selection.RegionCode);
        throw new NotFoundException("Selection 选取", id.ToString());
    }

    private async Task<Commission> FindAsync(Guid id, ClaimsPrincipal user, Func<Commission, bool> allowed, string denial, CancellationToken ct)
    {
        var commission = await db.Commissions.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (commission is not null && allowed(commission)) return commission;
        if (commission is not null) await audit.DenyAsync("commission", id.ToString(), denial, ct, commission.RegionCode);
        throw new NotFoundException("Commission 委托", id.ToString());
    }
}

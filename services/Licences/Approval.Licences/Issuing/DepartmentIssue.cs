using Approval.Licences.Clients;
using Approval.Licences.Data;
using Approval.Licences.Domain;

namespace Approval.Licences.Issuing;

/// <summary>
/// Which concluded item a department system may issue a certificate for: one routed to the caller's department
/// in the caller's region (else 404, as if it did not exist), concluded approved and not revoked (else 409), without a
/// licence in force (else 409). The holder, application, project and region are the item's, never the request's.
/// </summary>
public sealed class DepartmentIssue(LicencesDbContext db, ApprovalsClient approvals)
{
    public async Task<ConcludedItem> IssuableItemAsync(Guid itemInstanceId, ClaimsPrincipal user, IHeaderDictionary caller, CancellationToken ct)
    {
        var item = await db.ConcludedItems.AsNoTracking().FirstOrDefaultAsync(i => i.ItemInstanceId == itemInstanceId, ct);
        if (item is null)
        {
            // Not concluded as far as the library knows: routed to the caller (still in progress) is 409, anything else 404.
            var routed = await approvals.GetRoutedItemAsync(itemInstanceId, caller, ct) ?? throw NotFound(itemInstanceId);
            throw ItemNotIssuableException.NotConcluded(itemInstanceId, $"{routed.StatusCode} {routed.StatusName}");
        }
        if (item.DepartmentCode != user.OrganisationCode() || !user.InRegion(item.RegionCode)) throw NotFound(itemInstanceId);
        if (!item.Approved) throw ItemNotIssuableException.NotApproved(itemInstanceId);
        if (item.RevokedAt is not null) throw ItemNotIssuableException.Revoked(itemInstanceId);
        // In force = not revoked and its expiry not recorded (the unique index's condition; the sweep records an expiry within seconds).
        var inForce = await db.Licences.AsNoTracking()
            .Where(l => l.ItemInstanceId == itemInstanceId && l.RevokedAt == null && l.ExpiryAnnouncedAt == null)
            .Select(l => l.Identifier).FirstOrDefaultAsync(ct);
        if (inForce is not null) throw ItemNotIssuableException.AlreadyIssued(itemInstanceId, inForce);
        return item;
    }

    private static NotFoundException NotFound(Guid id) => new("Item instance 事项实例", id.ToString());
}

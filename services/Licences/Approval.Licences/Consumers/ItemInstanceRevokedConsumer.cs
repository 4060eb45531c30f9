using Approval.Contracts.Events;
using Approval.Licences.Data;
using Approval.Licences.Domain;
using Approval.Messaging;

namespace Approval.Licences.Consumers;

/// <summary>
/// 撤销 of an approved item reaches its certificate: the licence issued for the item instance is revoked with the
/// department's reason (the same domain operation as the library's revoke), so verification shows it revoked, and
/// LicenceRevoked tells the services relying on it.
/// </summary>
public sealed class ItemInstanceRevokedConsumer(LicencesDbContext db, TimeProvider clock, ILogger<ItemInstanceRevokedConsumer> log)
    : InboxConsumer<LicencesDbContext, ItemInstanceRevoked>(db, clock, log)
{
    protected override async Task HandleAsync(ItemInstanceRevoked m, CancellationToken ct)
    {
        // No department system may issue a certificate for a revoked approval any more.
        if (await Db.ConcludedItems.FindAsync([m.ItemInstanceId], ct) is { } concluded) concluded.RevokedAt ??= m.RevokedAt;
        if (m.LicenceTypeCode is null) return; // the item yields no certificate
        // ItemInstanceConcluded (which issues it) travels on another queue: until the licence exists, retry.
        var licence = await Db.Licences.Include(l => l.History).Where(l => l.ItemInstanceId == m.ItemInstanceId)
            .OrderBy(l => l.RevokedAt != null).ThenByDescending(l => l.IssuedAt).FirstOrDefaultAsync(ct)
            ?? throw new InvalidOperationException($"The certificate of item instance {m.ItemInstanceId} is not issued yet; retrying its revocation.");
        var now = Clock.GetUtcNow();
        if (licence.StatusAt(now) != LicenceStatus.Valid) return; // already revoked or expired: nothing left to withdraw
        licence.Revoke($"审批决定已撤销：{m.Reason}", $"{m.DepartmentName} {m.Actor}", now);
        Db.AddOutboxEvent(LicenceEvents.Revoked(licence), licence.Id.ToString(), Clock);
    }
}

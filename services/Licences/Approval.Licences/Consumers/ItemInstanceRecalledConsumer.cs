using Approval.Contracts.Events;
using Approval.Licences.Data;
using Approval.Licences.Domain;
using Approval.Messaging;

namespace Approval.Licences.Consumers;

/// <summary>
/// 撤回 of a decision reaches Licences: the recorded conclusion is forgotten (the item is decided anew, and its next
/// conclusion is recorded afresh; no department system may issue a certificate for the recalled one), and the
/// certificate issued for a recalled approval is revoked with the department's reason, announced by LicenceRevoked.
/// </summary>
public sealed class ItemInstanceRecalledConsumer(LicencesDbContext db, TimeProvider clock, ILogger<ItemInstanceRecalledConsumer> log)
    : InboxConsumer<LicencesDbContext, ItemInstanceRecalled>(db, clock, log)
{
    protected override async Task HandleAsync(ItemInstanceRecalled m, CancellationToken ct)
    {
        // ItemInstanceConcluded travels on another queue: until the recalled conclusion is recorded (and its certificate
        // issued), retry — the recall must not overtake what it withdraws.
        var concluded = await Db.ConcludedItems.FindAsync([m.ItemInstanceId], ct)
            ?? throw new InvalidOperationException($"The conclusion of item instance {m.ItemInstanceId} is not recorded yet; retrying its recall.");
        if (m.WasApproved && m.LicenceTypeCode is not null)
        {
            var licences = await Db.Licences.Include(l => l.History).Where(l => l.ItemInstanceId == m.ItemInstanceId).ToListAsync(ct);
            if (licences.Count == 0)
                throw new InvalidOperationException($"The certificate of item instance {m.ItemInstanceId} is not issued yet; retrying its recall.");
            var now = Clock.GetUtcNow();
            foreach (var licence in licences.Where(l => l.StatusAt(now) == LicenceStatus.Valid))
            {
                licence.Revoke($"审批决定已撤回：{m.Reason}", $"{m.DepartmentName} {m.Actor}", now);
                Db.AddOutboxEvent(LicenceEvents.Revoked(licence), licence.Id.ToString(), Clock);
            }
        }
        Db.ConcludedItems.Remove(concluded);
    }
}

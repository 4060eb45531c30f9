using Approval.Contracts.Events;
using Approval.Messaging;
using Approval.Supervision.Data;
using Approval.Supervision.Domain;

namespace Approval.Supervision.Consumers;

/// <summary>
/// A commission rated in the marketplace joins the same 好差评 store (no second rating path): the unit is the agency's
/// organisation (its id when an older event lacks the code), so the agency's staff handle a bad one like any other.
/// </summary>
public sealed class CommissionRatedConsumer(SupervisionDbContext db, RatingDesk desk, IAuditLog audit, TimeProvider clock, ILogger<CommissionRatedConsumer> log)
    : InboxConsumer<SupervisionDbContext, CommissionRated>(db, clock, log)
{
    protected override async Task HandleAsync(CommissionRated m, CancellationToken ct)
    {
        var unit = m.AgencyOrgCode ?? m.AgencyId.ToString();
        await desk.RecordCommissionAsync(m.CommissionId, m.RegionCode, m.OwnerId, unit, m.AgencyName ?? unit, m.Satisfaction, m.Comment, m.RatedAt, ct);
        audit.Add(AuditActions.StateChange, "rating", m.CommissionId.ToString(), $"intermediary commission rated {m.Satisfaction} in the marketplace", m.RegionCode);
    }
}

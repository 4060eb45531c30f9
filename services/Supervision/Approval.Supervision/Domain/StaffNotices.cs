using Approval.Contracts.Events;
using Approval.Messaging;
using Approval.Supervision.Data;

namespace Approval.Supervision.Domain;

/// <summary>
/// Who Supervision's notices reach and how they leave: a unit's known leads, the region's known supervisors (both recorded
/// when they use the API), and one SupervisionNoticeRaised in the outbox — shared by the warnings, 好差评 and 建议投诉.
/// </summary>
public static class StaffNotices
{
    public static Task<List<string>> LeadsOfAsync(this SupervisionDbContext db, string regionCode, string unitCode, CancellationToken ct) =>
        db.Leads.Where(l => l.RegionCode == regionCode && l.DepartmentCode == unitCode).Select(l => l.UserId).ToListAsync(ct);

    public static Task<List<string>> SupervisorsOfAsync(this SupervisionDbContext db, string regionCode, CancellationToken ct) =>
        db.Supervisors.Where(s => s.RegionCode == regionCode).Select(s => s.UserId).ToListAsync(ct);

    /// <summary>Queues the notice about <paramref name="subjectId"/> to the distinct recipients; none: nothing is raised. Returns their count.</summary>
    public static int RaiseNotice(this SupervisionDbContext db, TimeProvider clock, Guid subjectId, string regionCode, string unitCode,
        string kind, string title, string body, IEnumerable<string> recipients)
    {
        var to = recipients.Distinct().ToList();
        if (to.Count == 0) return 0;
        var now = clock.GetUtcNow();
        db.AddOutboxEvent(new SupervisionNoticeRaised(Guid.CreateVersion7(now), subjectId, regionCode, unitCode, kind, title, body, to, now),
            subjectId.ToString(), clock);
        return to.Count;
    }
}

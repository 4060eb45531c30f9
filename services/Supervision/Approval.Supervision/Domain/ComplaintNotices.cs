using Approval.Contracts.Events;
using Approval.Messaging;
using Approval.Supervision.Data;

namespace Approval.Supervision.Domain;

/// <summary>
/// Tells people about a suggestion or complaint through the outbox (SupervisionNoticeRaised, SubjectId = the complaint;
/// Notifications' inbox kinds supervision-complaint-received / -answered / -escalated): the department's known leads when
/// one arrives, the submitter when it is answered, the leads and the region's known supervisors when it is escalated.
/// Saved by the caller's unit of work.
/// </summary>
public sealed class ComplaintNotices(SupervisionDbContext db, TimeProvider clock)
{
    public const string Received = "complaint-received", AnsweredKind = "complaint-answered", Escalated = "complaint-escalated";

    public async Task<int> ReceivedAsync(Complaint c, CancellationToken ct) =>
        Raise(c, Received, $"收到{c.KindName}", $"{c.DepartmentName}收到{c.KindName}「{c.Title}」，请于{c.Deadline:yyyy-MM-dd}前答复。",
            await LeadsAsync(c, ct));

    public int Answered(Complaint c) =>
        Raise(c, AnsweredKind, $"您的{c.KindName}已答复", $"{c.DepartmentName}已答复您的{c.KindName}「{c.Title}」：{c.Answer}", [c.SubmitterId]);

    public async Task<int> EscalatedAsync(Complaint c, CancellationToken ct)
    {
        var supervisors = await db.Supervisors.Where(s => s.RegionCode == c.RegionCode).Select(s => s.UserId).ToListAsync(ct);
        return Raise(c, Escalated, $"{c.KindName}逾期未答复", $"{c.DepartmentName}的{c.KindName}「{c.Title}」已过答复期限{c.Deadline:yyyy-MM-dd}，仍未答复。",
            [.. await LeadsAsync(c, ct), .. supervisors]);
    }

    private Task<List<string>> LeadsAsync(Complaint c, CancellationToken ct) =>
        db.Leads.Where(l => l.RegionCode == c.RegionCode && l.DepartmentCode == c.DepartmentCode).Select(l => l.UserId).ToListAsync(ct);

    private int Raise(Complaint c, string kind, string title, string body, IEnumerable<string> recipients)
    {
        var to = recipients.Distinct().ToList();
        if (to.Count == 0) return 0;
        var now = clock.GetUtcNow();
        db.AddOutboxEvent(new SupervisionNoticeRaised(Guid.CreateVersion7(now), c.Id, c.RegionCode, c.DepartmentCode, kind, title, body, to, now),
            c.Id.ToString(), clock);
        return to.Count;
    }
}

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
        var supervisors = await db.SupervisorsOfAsync(c.RegionCode, ct);
        return Raise(c, Escalated, $"{c.KindName}逾期未答复", $"{c.DepartmentName}的{c.KindName}「{c.Title}」已过答复期限{c.Deadline:yyyy-MM-dd}，仍未答复。",
            [.. await LeadsAsync(c, ct), .. supervisors]);
    }

    private Task<List<string>> LeadsAsync(Complaint c, CancellationToken ct) => db.LeadsOfAsync(c.RegionCode, c.DepartmentCode, ct);

    private int Raise(Complaint c, string kind, string title, string body, IEnumerable<string> recipients) =>
        db.RaiseNotice(clock, c.Id, c.RegionCode, c.DepartmentCode, kind, title, body, recipients);
}

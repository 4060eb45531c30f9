using Approval.Contracts.Codes;
using Approval.Supervision.Data;

namespace Approval.Supervision.Domain;

/// <summary>
/// The notices of 好差评, through the same path as the warnings (SupervisionNoticeRaised → Notifications' inbox and SMS):
/// a bad rating's task to the unit's known leads, the answer to the rater, an overdue rectification to the unit's leads and
/// the region's known supervisors. Keyed by the rating; saved by the caller's unit of work.
/// </summary>
public sealed class RatingNotices(SupervisionDbContext db, TimeProvider clock)
{
    public const string TaskOpened = "rating-task";
    public const string Answered = "rating-answer";
    public const string Escalated = "rating-overdue";

    public async Task TaskOpenedAsync(Rating r, CancellationToken ct) =>
        Raise(r, TaskOpened, "差评回访任务", $"{r.SubjectName}收到{SatisfactionNames.Names[r.Level]}评价，请在规定时间内回访核实。", await LeadsAsync(r, ct));

    public void Answer(Rating r) =>
        Raise(r, Answered, "好差评答复", $"您对「{r.SubjectName}」的评价已由{r.UnitName}答复：{r.Answer}", [r.RaterId]);

    /// <summary>The recipients of an escalation (the unit's leads and the region's supervisors); raised when there are any.</summary>
    public async Task<int> EscalateAsync(Rating r, CancellationToken ct)
    {
        var supervisors = await db.SupervisorsOfAsync(r.RegionCode, ct);
        var recipients = (await LeadsAsync(r, ct)).Concat(supervisors).Distinct().ToList();
        Raise(r, Escalated, "差评整改逾期",
            $"{r.UnitName}对「{r.SubjectName}」差评的整改已超过期限（{r.RectificationDeadline:yyyy-MM-dd}），请督促办理。", recipients);
        return recipients.Count;
    }

    private Task<List<string>> LeadsAsync(Rating r, CancellationToken ct) => db.LeadsOfAsync(r.RegionCode, r.UnitCode, ct);

    private void Raise(Rating r, string kind, string title, string body, IReadOnlyList<string> recipients) =>
        db.RaiseNotice(clock, r.Id, r.RegionCode, r.UnitCode, kind, title, body, recipients);
}

/// <summary>A supervisor (督查人员) known to Supervision: recorded when they use its API, so overdue rectifications reach them.</summary>
public sealed class KnownSupervisor
{
    public required string UserId { get; init; }
    public required string RegionCode { get; set; }
    public required string Name { get; set; }
    public DateTimeOffset SeenAt { get; set; }
}

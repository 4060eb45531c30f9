using Approval.Contracts.Events;
using Approval.Messaging;
using Approval.Supervision.Data;

namespace Approval.Supervision.Domain;

/// <summary>
/// Records a warning or 督办 about an item clock and publishes it (outbox, SupervisionNoticeRaised) to the handler (the
/// account that started the case, when known) and every known lead of the department; saved by the caller's unit of work.
/// </summary>
public sealed class NoticeSender(SupervisionDbContext db, TimeProvider clock)
{
    public async Task<SupervisionNotice> RaiseAsync(ItemClock item, string kind, string? note, string? by, CancellationToken ct)
    {
        var leads = await db.LeadsOfAsync(item.RegionCode, item.DepartmentCode, ct);
        var recipients = (item.HandlerId is { } handler ? leads.Prepend(handler) : leads).Distinct().ToList();
        var now = clock.GetUtcNow();
        var notice = new SupervisionNotice
        {
            Id = Guid.CreateVersion7(now), ItemClockId = item.Id, RegionCode = item.RegionCode, DepartmentCode = item.DepartmentCode,
            Kind = kind, Note = note, By = by, Recipients = recipients, RaisedAt = now,
        };
        db.Notices.Add(notice);
        var (title, body) = Text(item, kind, note);
        db.AddOutboxEvent(new SupervisionNoticeRaised(notice.Id, item.Id, item.RegionCode, item.DepartmentCode, kind, title, body, recipients, now),
            item.Id.ToString(), clock);
        return notice;
    }

    public static (string Title, string Body) Text(ItemClock item, string kind, string? note) => kind switch
    {
        SupervisionNotice.Warning => ("办件预警", $"{item.ProjectName}「{item.ItemName}」剩余时限不足：已用{item.UsedWorkingDays}个工作日，承诺{item.LimitWorkingDays}个工作日，截止{item.Deadline:yyyy-MM-dd}。"),
        SupervisionNotice.Overdue => ("办件逾期", $"{item.ProjectName}「{item.ItemName}」已逾期：截止{item.Deadline:yyyy-MM-dd}，已用{item.UsedWorkingDays}个工作日。"),
        _ => ("督办通知", $"{item.ProjectName}「{item.ItemName}」被督办：{note}"),
    };
}

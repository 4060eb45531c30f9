using Approval.Contracts.Events;
using Approval.Messaging;
using Approval.Notifications.Data;
using Approval.Notifications.Domain;

namespace Approval.Notifications.Consumers;

/// <summary>
/// A regulator's record on a project (监督检查、行政处罚、责令整改; ): each applicant of the project is told, keyed by the
/// record (the notice links to the project's timeline).
/// </summary>
public sealed class RegulatorRecordFiledConsumer(NotificationsDbContext db, NoticeBook book, TimeProvider clock, ILogger<RegulatorRecordFiledConsumer> log)
    : InboxConsumer<NotificationsDbContext, RegulatorRecordFiled>(db, clock, log)
{
    protected override async Task HandleAsync(RegulatorRecordFiled m, CancellationToken ct)
    {
        var text = new NoticeText("regulator-record", "监管记录",
            $"{m.RegulatorName}对项目「{m.ProjectName}」（{m.ProjectCode}）录入了监管记录：{m.Title}（{m.OccurredOn:yyyy-MM-dd}）。");
        foreach (var owner in m.OwnerIds.Distinct())
            await book.NotifyAsync(m.RecordId, owner, text, ct);
    }
}

using Approval.Contracts.Events;
using Approval.Intake.Data;
using Approval.Intake.Domain;
using Approval.Messaging;

namespace Approval.Intake.Consumers;

/// <summary>
/// The stage's conclusion (阶段办结（通过）/（不通过）) reaches its application, once per event: the application's status
/// follows its stage (11 办结（通过） / 13 办结（不通过）, DOMAIN.md) and its timeline gets the line, with the same code.
/// </summary>
public sealed class StageInstanceConcludedConsumer(IntakeDbContext db, TimeProvider clock, ILogger<StageInstanceConcludedConsumer> log)
    : InboxConsumer<IntakeDbContext, StageInstanceConcluded>(db, clock, log)
{
    protected override async Task HandleAsync(StageInstanceConcluded m, CancellationToken ct)
    {
        var application = await Db.Applications.FirstOrDefaultAsync(a => a.Id == m.ApplicationId, ct);
        application?.ConcludeStage(m.Approved, m.ConcludedAt);
        var status = m.Approved ? ProcessingStatus.Approved : ProcessingStatus.NotApproved;
        var outcome = m.Approved ? "通过" : "不通过";
        var refused = m.Items.Where(i => i.StatusCode == (int)ProcessingStatus.NotApproved).Select(i => $"{i.ItemName}：{i.Opinion}").ToList();
        Db.Progress.Add(new ProgressEntry
        {
            ApplicationId = m.ApplicationId, Subject = application?.StageName ?? $"第{m.StageNo}阶段", StatusCode = (int)status,
            StatusName = $"阶段办结（{outcome}）", Actor = "系统", Organisation = "并联审批",
            Opinion = refused.Count == 0 ? null : "不通过事项：" + string.Join("；", refused), OccurredAt = m.ConcludedAt,
        });
    }
}

using Approval.Contracts.Events;
using Approval.Intake.Data;
using Approval.Intake.Domain;
using Approval.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Approval.Intake.Consumers;

/// <summary>
/// Adds the stage's conclusion (阶段办结（通过）/（不通过）) to its application's timeline, once per event. The line belongs
/// to the application (no item) and carries status code 0: it is not an item processing status of the exchange table.
/// </summary>
public sealed class StageInstanceConcludedConsumer(IntakeDbContext db, TimeProvider clock, ILogger<StageInstanceConcludedConsumer> log)
    : InboxConsumer<IntakeDbContext, StageInstanceConcluded>(db, clock, log)
{
    public const int StageConcludedStatusCode = 0;

    protected override async Task HandleAsync(StageInstanceConcluded m, CancellationToken ct)
    {
        var stageName = await Db.Applications.Where(a => a.Id == m.ApplicationId).Select(a => a.StageName).FirstOrDefaultAsync(ct);
        var outcome = m.Approved ? "通过" : "不通过";
        var refused = m.Items.Where(i => i.StatusCode == 13).Select(i => $"{i.ItemName}：{i.Opinion}").ToList();
        Db.Progress.Add(new ProgressEntry
        {
            ApplicationId = m.ApplicationId, Subject = stageName ?? $"第{m.StageNo}阶段", StatusCode = StageConcludedStatusCode,
            StatusName = $"阶段办结（{outcome}）", Actor = "系统", Organisation = "并联审批",
            Opinion = refused.Count == 0 ? null : "不通过事项：" + string.Join("；", refused), OccurredAt = m.ConcludedAt,
        });
    }
}

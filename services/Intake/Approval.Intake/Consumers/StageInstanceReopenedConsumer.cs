using Approval.Contracts.Events;
using Approval.Intake.Data;
using Approval.Intake.Domain;
using Approval.Messaging;

namespace Approval.Intake.Consumers;

/// <summary>
/// A concluded stage is in progress again (a department recalled (撤回) its decision): the application follows it back to
/// 3 已受理, and its timeline says why, with code 14.
/// </summary>
public sealed class StageInstanceReopenedConsumer(IntakeDbContext db, TimeProvider clock, ILogger<StageInstanceReopenedConsumer> log)
    : InboxConsumer<IntakeDbContext, StageInstanceReopened>(db, clock, log)
{
    protected override async Task HandleAsync(StageInstanceReopened m, CancellationToken ct)
    {
        var application = await Db.Applications.FirstOrDefaultAsync(a => a.Id == m.ApplicationId, ct);
        // StageInstanceConcluded travels on another queue: the application follows the stage's conclusion first.
        if (application is not null && !application.ReopenStage())
            throw new InvalidOperationException($"Application {m.ApplicationId} has not followed its stage's conclusion yet; retrying its reopening.");
        Db.Progress.Add(new ProgressEntry
        {
            ApplicationId = m.ApplicationId, Subject = application?.StageName ?? $"第{m.StageNo}阶段", StatusCode = (int)ProcessingStatus.Recalled,
            StatusName = "阶段办结撤回", Actor = "系统", Organisation = "并联审批",
            Opinion = $"{m.DepartmentName}撤回“{m.ItemName}”的办结决定：{m.Reason}；本阶段重新办理", OccurredAt = m.ReopenedAt,
        });
    }
}

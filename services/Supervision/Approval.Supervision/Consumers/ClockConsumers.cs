using Approval.Calendar;
using Approval.Contracts.Events;
using Approval.Messaging;
using Approval.ServiceDefaults;
using Approval.Supervision.Data;
using Approval.Supervision.Domain;

namespace Approval.Supervision.Consumers;

/// <summary>接件: counts the application received (intake figures).</summary>
public sealed class ApplicationReceivedConsumer(SupervisionDbContext db, WorkingCalendar calendar, TimeProvider clock, ILogger<ApplicationReceivedConsumer> log)
    : InboxConsumer<SupervisionDbContext, ApplicationReceived>(db, clock, log)
{
    protected override async Task HandleAsync(ApplicationReceived m, CancellationToken ct)
    {
        var record = await Db.ApplicationAsync(m.ApplicationId, m.RegionCode, ct);
        (record.ProjectCode, record.StageNo, record.Channel) = (m.ProjectCode, m.StageNo, m.Channel);
        record.ApplicantId = m.ApplicantId;
        (record.ReceivedAt, record.ReceivedDate) = (m.ReceivedAt, calendar.LocalDate(m.ReceivedAt));
    }
}

/// <summary>受理: opens the stage clock and one item clock per item, each starting now with its limit from the snapshot.</summary>
public sealed class ApplicationAcceptedConsumer(SupervisionDbContext db, WorkingCalendar calendar, WarningThreshold threshold, TimeProvider clock,
    ILogger<ApplicationAcceptedConsumer> log) : InboxConsumer<SupervisionDbContext, ApplicationAccepted>(db, clock, log)
{
    protected override async Task HandleAsync(ApplicationAccepted m, CancellationToken ct)
    {
        var record = await Db.ApplicationAsync(m.ApplicationId, m.RegionCode, ct);
        (record.ProjectCode, record.StageNo, record.AcceptedAt) = (m.ProjectCode, m.StageNo, m.AcceptedAt);
        record.ApplicantId = m.ApplicantId;
        var now = Clock.GetUtcNow();
        if (await Db.Stages.FindAsync([m.ApplicationId], ct) is null)
        {
            var stage = new StageClock
            {
                ApplicationId = m.ApplicationId, RegionCode = m.RegionCode, ProjectCode = m.ProjectCode, ProjectName = m.ProjectName,
                StageNo = m.StageNo, FlowType = m.FlowType, LimitWorkingDays = m.StageTimeLimitWorkingDays, AcceptedAt = m.AcceptedAt,
            };
            stage.Refresh(calendar, now);
            Db.Stages.Add(stage);
        }
        var known = await Db.Items.Where(i => i.ApplicationId == m.ApplicationId).Select(i => i.ItemCode).ToListAsync(ct);
        foreach (var i in m.Items.Where(i => !known.Contains(i.ItemCode)))
        {
            var item = new ItemClock
            {
                Id = Guid.CreateVersion7(m.AcceptedAt), ApplicationId = m.ApplicationId, RegionCode = m.RegionCode, ProjectCode = m.ProjectCode,
                ProjectName = m.ProjectName, ItemCode = i.ItemCode, ItemName = i.ItemName, DepartmentCode = i.DepartmentCode,
                DepartmentName = i.DepartmentName, ApplicantId = m.ApplicantId, StageNo = m.StageNo, FlowType = m.FlowType, LimitWorkingDays = i.TimeLimitWorkingDays,
                AcceptedAt = m.AcceptedAt, AcceptedDate = calendar.LocalDate(m.AcceptedAt),
            };
            item.Refresh(calendar, threshold, now);
            Db.Items.Add(item);
        }
    }
}

/// <summary>不受理 / 不予受理: counts the refusal (intake figures).</summary>
public sealed class ApplicationRefusedConsumer(SupervisionDbContext db, TimeProvider clock, ILogger<ApplicationRefusedConsumer> log)
    : InboxConsumer<SupervisionDbContext, ApplicationRefused>(db, clock, log)
{
    protected override async Task HandleAsync(ApplicationRefused m, CancellationToken ct)
    {
        var record = await Db.Applications.FirstOrDefaultAsync(a => a.ApplicationId == m.ApplicationId, ct);
        if (record is not null) record.RefusedAt = m.RefusedAt;
    }
}

/// <summary>
/// Every status change of an item instance moves its clock (pauses, start, conclusion, recall). The item clock is opened
/// by ApplicationAccepted; a change that overtakes it fails and is retried until the clock exists.
/// </summary>
public sealed class ItemStatusChangedConsumer(SupervisionDbContext db, WorkingCalendar calendar, WarningThreshold threshold, TimeProvider clock,
    ILogger<ItemStatusChangedConsumer> log) : InboxConsumer<SupervisionDbContext, ItemInstanceStatusChanged>(db, clock, log)
{
    protected override async Task HandleAsync(ItemInstanceStatusChanged m, CancellationToken ct)
    {
        var item = await Db.Items.FirstOrDefaultAsync(i => i.ItemInstanceId == m.ItemInstanceId, ct)
            ?? await Db.Items.FirstOrDefaultAsync(i => i.ApplicationId == m.ApplicationId && i.ItemCode == m.ItemCode, ct)
            ?? throw new InvalidOperationException($"item {m.ItemCode} of application {m.ApplicationId} not opened yet (ApplicationAccepted pending)");
        item.ItemInstanceId ??= m.ItemInstanceId;
        var wasRunning = item.Running;
        item.Apply(m.StatusCode, m.OccurredAt, m.Actor, m.ActorId);
        item.Refresh(calendar, threshold, Clock.GetUtcNow());
        // 审管联动: a conclusion goes to the supervision exchange and the regulators' systems, in this unit of work.
        if (wasRunning && !item.Running)
            Db.AddOutboxEvent(new ApprovalResultPublished(item.Id, item.RegionCode, item.ProjectCode, item.ProjectName, item.ItemInstanceId, item.ItemCode,
                item.ItemName, item.DepartmentCode, item.DepartmentName, item.Approved == true, item.StatusCode, item.ConcludedAt!.Value), item.Id.ToString(), Clock);
    }
}

/// <summary>阶段办结 stops the stage clock; a reopened stage (after a recall) runs again.</summary>
public sealed class StageConcludedConsumer(SupervisionDbContext db, WorkingCalendar calendar, TimeProvider clock, ILogger<StageConcludedConsumer> log)
    : InboxConsumer<SupervisionDbContext, StageInstanceConcluded>(db, clock, log)
{
    protected override async Task HandleAsync(StageInstanceConcluded m, CancellationToken ct)
    {
        var stage = await Db.Stages.FindAsync([m.ApplicationId], ct)
            ?? throw new InvalidOperationException($"stage of application {m.ApplicationId} not opened yet");
        (stage.ConcludedAt, stage.Approved) = (m.ConcludedAt, m.Approved);
        stage.Refresh(calendar, Clock.GetUtcNow());
    }
}

public sealed class StageReopenedConsumer(SupervisionDbContext db, WorkingCalendar calendar, TimeProvider clock, ILogger<StageReopenedConsumer> log)
    : InboxConsumer<SupervisionDbContext, StageInstanceReopened>(db, clock, log)
{
    protected override async Task HandleAsync(StageInstanceReopened m, CancellationToken ct)
    {
        if (await Db.Stages.FindAsync([m.ApplicationId], ct) is not { } stage) return;
        (stage.ConcludedAt, stage.Approved) = (null, null);
        stage.Refresh(calendar, Clock.GetUtcNow());
    }
}

/// <summary>An application's record, created by whichever of its 接件 and 受理 comes first (taken in parallel, both may come at once).</summary>
public static class ApplicationRecords
{
    public static Task<ApplicationRecord> ApplicationAsync(this SupervisionDbContext db, Guid id, string region, CancellationToken ct) =>
        db.Database.FindOrCreateAsync($"applications:{id}", async () => await db.Applications.FindAsync([id], ct),
            () => db.Applications.Add(new ApplicationRecord { ApplicationId = id, RegionCode = region }).Entity, ct);
}

using Approval.Approvals.Domain;
using Approval.Contracts.Events;
using Approval.Messaging;

namespace Approval.Approvals.Data;

/// <summary>Every transition of an item instance is a step row, an event and an audit record, in the same unit of work.</summary>
public static class ItemTransitions
{
    public static void RecordTransition(this ApprovalsDbContext db, ItemInstance item, string actor, string organisation, string? opinion, TimeProvider clock, IAuditLog audit,
        bool recalledApproval = false, string? actorId = null)
    {
        var now = clock.GetUtcNow();
        audit.Add(AuditActions.StateChange, "item-instance", item.Id.ToString(), $"{item.Status.Code()} {item.Status.ChineseName()} by {actor}", item.RegionCode);
        db.Steps.Add(new ItemStep
        {
            ItemInstanceId = item.Id, StatusCode = item.Status.Code(), StatusName = item.Status.ChineseName(),
            Actor = actor, Organisation = organisation, Opinion = opinion, OccurredAt = now,
        });
        db.AddOutboxEvent(new ItemInstanceStatusChanged(
            item.Id, item.ApplicationId, item.ItemCode, item.ItemName, item.Status.Code(), item.Status.ChineseName(),
            actor, organisation, opinion, now, actorId), item.Id.ToString(), clock);

        if (ItemStateMachine.IsConclusion(item.Status))
        {
            db.AddOutboxEvent(new ItemInstanceConcluded(
                item.Id, item.ApplicationId, item.RegionCode, item.ProjectCode, item.ProjectName, item.Holder,
                item.ItemCode, item.ItemName, item.Status != ProcessingStatus.NotApproved, item.Opinion ?? "",
                item.DepartmentCode, item.DepartmentName, item.DepartmentCreditCode, item.LicenceTypeCode, item.LicenceName,
                item.ConcludedAt ?? now, item.HolderId, item.HolderNumber, item.LicenceContent, item.LicenceValidityMonths), item.Id.ToString(), clock);
        }
        if (item.Status == ProcessingStatus.Recalled)
        {
            db.AddOutboxEvent(new ItemInstanceRecalled(
                item.Id, item.ApplicationId, item.RegionCode, item.ItemCode, item.ItemName, item.DepartmentCode, item.DepartmentName,
                item.LicenceTypeCode, recalledApproval, item.RecallReason ?? "", actor, item.RecalledAt ?? now), item.Id.ToString(), clock);
        }
        if (item.Status == ProcessingStatus.Revoked)
        {
            db.AddOutboxEvent(new ItemInstanceRevoked(
                item.Id, item.ApplicationId, item.RegionCode, item.ItemCode, item.ItemName, item.DepartmentCode, item.DepartmentName,
                item.LicenceTypeCode, item.RevocationReason ?? "", actor, item.RevokedAt ?? now), item.Id.ToString(), clock);
        }
    }

    /// <summary>
    /// A step that changes no status (a key step, a certificate reference, materials handed in, a commitment check):
    /// a step row, an audit record and the timeline event with the current status.
    /// </summary>
    public static void RecordNote(this ApprovalsDbContext db, ItemInstance item, string actor, string organisation, string note, TimeProvider clock, IAuditLog audit)
    {
        var now = clock.GetUtcNow();
        audit.Add(AuditActions.StateChange, "item-instance", item.Id.ToString(), $"note by {actor}: {note}", item.RegionCode);
        db.Steps.Add(new ItemStep
        {
            ItemInstanceId = item.Id, StatusCode = item.Status.Code(), StatusName = item.Status.ChineseName(),
            Actor = actor, Organisation = organisation, Opinion = note, OccurredAt = now,
        });
        db.AddOutboxEvent(new ItemInstanceStatusChanged(
            item.Id, item.ApplicationId, item.ItemCode, item.ItemName, item.Status.Code(), item.Status.ChineseName(),
            actor, organisation, note, now), item.Id.ToString(), clock);
    }

    /// <summary>After a recall (撤回): a concluded stage is in progress again, and its application is told.</summary>
    public static async Task ReopenStageAsync(this ApprovalsDbContext db, ItemInstance recalled, TimeProvider clock, IAuditLog audit, CancellationToken ct)
    {
        var stage = await db.Stages.FirstOrDefaultAsync(s => s.Id == recalled.StageInstanceId, ct);
        if (stage is null || !stage.Reopen()) return;
        var now = clock.GetUtcNow();
        audit.Add(AuditActions.StateChange, "stage-instance", stage.Id.ToString(), $"reopened: {recalled.ItemCode} recalled", stage.RegionCode);
        db.AddOutboxEvent(new StageInstanceReopened(stage.Id, stage.ApplicationId, stage.RegionCode, stage.StageNo, recalled.ItemName,
            recalled.DepartmentName, recalled.RecallReason ?? "", now), stage.Id.ToString(), clock);
    }

    /// <summary>After a conclusion: applies the stage's milestone rule and announces the stage's conclusion once.</summary>
    public static async Task ConcludeStageIfDueAsync(this ApprovalsDbContext db, ItemInstance concluded, TimeProvider clock, IAuditLog audit, CancellationToken ct)
    {
        var stage = await db.Stages.FirstOrDefaultAsync(s => s.Id == concluded.StageInstanceId, ct);
        if (stage is null) return;
        var items = await db.Items.Where(i => i.StageInstanceId == stage.Id).OrderBy(i => i.ItemCode).ToListAsync(ct);
        var now = clock.GetUtcNow();
        if (!stage.ConcludeIfDue(items, now)) return;
        audit.Add(AuditActions.StateChange, "stage-instance", stage.Id.ToString(),
            $"concluded by milestone rule {stage.MilestoneRule}: {(stage.Approved == true ? "approved" : "not approved")}", stage.RegionCode);
        db.AddOutboxEvent(new StageInstanceConcluded(
            stage.Id, stage.ApplicationId, stage.RegionCode, stage.StageNo, stage.ParallelInstanceCode, stage.MilestoneRule, stage.Approved == true,
            items.Select(i => new StageItemOutcome(i.ItemCode, i.ItemName, i.DepartmentCode, i.Status.Code(), i.Status.ChineseName(), i.Opinion)).ToList(),
            now, items[0].ProjectCode, items[0].ProjectName), stage.Id.ToString(), clock);
    }
}

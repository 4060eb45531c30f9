using Approval.Approvals.Domain;
using Approval.Contracts;
using Approval.Contracts.Events;
using Approval.Messaging;
using Approval.ServiceDefaults.Audit;

namespace Approval.Approvals.Data;

/// <summary>Every transition of an item instance is a step row, an event and an audit record, in the same unit of work.</summary>
public static class ItemTransitions
{
    public static void RecordTransition(this ApprovalsDbContext db, ItemInstance item, string actor, string organisation, string? opinion, TimeProvider clock, IAuditLog audit)
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
            actor, organisation, opinion, now), item.Id.ToString(), clock);

        if (ItemStateMachine.IsConclusion(item.Status))
        {
            db.AddOutboxEvent(new ItemInstanceConcluded(
                item.Id, item.ApplicationId, item.RegionCode, item.ProjectCode, item.ProjectName, item.Holder,
                item.ItemCode, item.ItemName, item.Status != ProcessingStatus.NotApproved, item.Opinion ?? "",
                item.DepartmentCode, item.DepartmentName, item.DepartmentCreditCode, item.LicenceTypeCode, item.LicenceName,
                item.ConcludedAt ?? now), item.Id.ToString(), clock);
        }
    }
}

using Approval.Contracts.Events;
using Approval.Intake.Data;
using Approval.Intake.Domain;
using Approval.Messaging;

namespace Approval.Intake.Consumers;

/// <summary>Adds an item's status change to its application's timeline, once per event.</summary>
public sealed class ItemInstanceStatusChangedConsumer(IntakeDbContext db, TimeProvider clock, ILogger<ItemInstanceStatusChangedConsumer> log)
    : InboxConsumer<IntakeDbContext, ItemInstanceStatusChanged>(db, clock, log)
{
    protected override Task HandleAsync(ItemInstanceStatusChanged m, CancellationToken ct)
    {
        Db.Progress.Add(new ProgressEntry
        {
            ApplicationId = m.ApplicationId, ItemInstanceId = m.ItemInstanceId, ItemCode = m.ItemCode, Subject = m.ItemName,
            StatusCode = m.StatusCode, StatusName = m.StatusName, Actor = m.Actor, Organisation = m.Organisation,
            Opinion = m.Opinion, OccurredAt = m.OccurredAt,
        });
        return Task.CompletedTask;
    }
}

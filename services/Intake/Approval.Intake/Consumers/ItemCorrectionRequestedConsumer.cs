using Approval.Contracts.Events;
using Approval.Intake.Data;
using Approval.Intake.Domain;
using Approval.Messaging;

namespace Approval.Intake.Consumers;

/// <summary>A department's 补正（开始） of an item: kept so the applicant can answer it (its timeline line comes with the status event).</summary>
public sealed class ItemCorrectionRequestedConsumer(IntakeDbContext db, TimeProvider clock, ILogger<ItemCorrectionRequestedConsumer> log)
    : InboxConsumer<IntakeDbContext, ItemCorrectionRequested>(db, clock, log)
{
    protected override async Task HandleAsync(ItemCorrectionRequested m, CancellationToken ct)
    {
        if (await Db.ItemCorrections.AnyAsync(c => c.Id == m.CorrectionId, ct)) return;
        Db.ItemCorrections.Add(new ItemCorrection
        {
            Id = m.CorrectionId, ApplicationId = m.ApplicationId, ItemInstanceId = m.ItemInstanceId, ItemCode = m.ItemCode, ItemName = m.ItemName,
            DepartmentName = m.DepartmentName, Entries = m.Entries.Select(e => new Correction(e.Material, e.Problem)).ToList(), Due = m.Due,
            RequestedAt = m.RequestedAt,
        });
    }
}

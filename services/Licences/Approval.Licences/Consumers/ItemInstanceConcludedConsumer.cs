using Approval.Contracts.Events;
using Approval.Licences.Data;
using Approval.Licences.Domain;
using Approval.Messaging;
using Approval.ServiceDefaults.Audit;

namespace Approval.Licences.Consumers;

/// <summary>An approved item whose catalog entry yields a certificate becomes a licence in the library .</summary>
public sealed class ItemInstanceConcludedConsumer(LicencesDbContext db, TimeProvider clock, IAuditLog audit, ILogger<ItemInstanceConcludedConsumer> log)
    : InboxConsumer<LicencesDbContext, ItemInstanceConcluded>(db, clock, log)
{
    protected override async Task HandleAsync(ItemInstanceConcluded m, CancellationToken ct)
    {
        if (!m.Approved || m.LicenceTypeCode is null || m.LicenceName is null) return;

        var now = Clock.GetUtcNow();
        // Serial: the year, then a 7-digit number from the sequence (the published example's shape, 20230000403).
        var serial = $"{now.Year}{await Db.NextSerialAsync(ct) % 10_000_000:D7}";
        var licence = new Licence
        {
            Id = Guid.CreateVersion7(now),
            Identifier = LicenceIdentifier.Create(m.LicenceTypeCode, m.DepartmentCreditCode, serial, 1),
            TypeCode = m.LicenceTypeCode, LicenceName = m.LicenceName,
            IssuerCode = m.DepartmentCode, IssuerName = m.DepartmentName, IssuerCreditCode = m.DepartmentCreditCode,
            Holder = m.Holder, ProjectCode = m.ProjectCode, ProjectName = m.ProjectName, RegionCode = m.RegionCode,
            ItemInstanceId = m.ItemInstanceId, ApplicationId = m.ApplicationId, ItemCode = m.ItemCode,
            Decision = m.Opinion, IssuedAt = now,
        };
        Db.Licences.Add(licence);
        audit.Add(AuditActions.StateChange, "licence", licence.Identifier, $"issued by {m.DepartmentName} for item instance {m.ItemInstanceId}", m.RegionCode);
        Db.AddOutboxEvent(new LicenceIssued(licence.Id, licence.Identifier, licence.LicenceName, m.ItemInstanceId,
            m.ApplicationId, m.ItemCode, m.DepartmentName, now), licence.Id.ToString(), Clock);
    }
}

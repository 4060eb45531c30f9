using Approval.Contracts.Events;
using Approval.Licences.Data;
using Approval.Licences.Domain;
using Approval.Licences.Sealing;
using Approval.Messaging;

namespace Approval.Licences.Consumers;

/// <summary>
/// Records every concluded item instance (what a department system may later issue a certificate for), and turns an
/// approved item whose catalog entry yields a certificate into a sealed licence in the library, belonging to the
/// holder's account. A department that concludes its first certificate gets its seal here, under the region root.
/// </summary>
public sealed class ItemInstanceConcludedConsumer(
    LicencesDbContext db, SealRegistry seals, LicenceIssuer issuer, TimeProvider clock, ILogger<ItemInstanceConcludedConsumer> log)
    : InboxConsumer<LicencesDbContext, ItemInstanceConcluded>(db, clock, log)
{
    protected override async Task HandleAsync(ItemInstanceConcluded m, CancellationToken ct)
    {
        if (await Db.ConcludedItems.FindAsync([m.ItemInstanceId], ct) is null)
            Db.ConcludedItems.Add(new ConcludedItem
            {
                ItemInstanceId = m.ItemInstanceId, ApplicationId = m.ApplicationId, RegionCode = m.RegionCode, ProjectCode = m.ProjectCode,
                ProjectName = m.ProjectName, Holder = m.Holder, HolderId = m.HolderId, HolderNumber = m.HolderNumber, ItemCode = m.ItemCode,
                ItemName = m.ItemName, Approved = m.Approved, Opinion = m.Opinion, DepartmentCode = m.DepartmentCode,
                DepartmentName = m.DepartmentName, DepartmentCreditCode = m.DepartmentCreditCode, LicenceTypeCode = m.LicenceTypeCode,
                LicenceName = m.LicenceName, ConcludedAt = m.ConcludedAt, Content = m.LicenceContent?.ToList() ?? [],
                ValidityMonths = m.LicenceValidityMonths,
            });
        if (!m.Approved || m.LicenceTypeCode is null || m.LicenceName is null) return;

        var seal = await seals.SealingSealAsync(m.DepartmentCode, Clock.GetUtcNow(), ct)
            ?? await seals.ProvisionAsync(m.DepartmentCode, m.DepartmentName, m.DepartmentCreditCode, ct);
        await issuer.IssueAsync(new LicenceDraft(m.LicenceTypeCode, m.LicenceName, m.DepartmentCode, m.DepartmentName,
            m.DepartmentCreditCode, m.Holder, m.ProjectCode, m.ProjectName, m.RegionCode, m.ItemInstanceId, m.ApplicationId,
            m.ItemCode, m.Opinion, null, null, m.HolderId, m.HolderNumber, m.LicenceContent, m.LicenceValidityMonths), seal, m.DepartmentName, ct);
    }
}

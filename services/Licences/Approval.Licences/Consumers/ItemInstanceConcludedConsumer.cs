using Approval.Contracts.Events;
using Approval.Licences.Data;
using Approval.Licences.Sealing;
using Approval.Messaging;

namespace Approval.Licences.Consumers;

/// <summary>
/// An approved item whose catalog entry yields a certificate becomes a sealed licence in the library.
/// A department that concludes its first certificate gets its seal here, under the region root.
/// </summary>
public sealed class ItemInstanceConcludedConsumer(
    LicencesDbContext db, SealRegistry seals, LicenceIssuer issuer, TimeProvider clock, ILogger<ItemInstanceConcludedConsumer> log)
    : InboxConsumer<LicencesDbContext, ItemInstanceConcluded>(db, clock, log)
{
    protected override async Task HandleAsync(ItemInstanceConcluded m, CancellationToken ct)
    {
        if (!m.Approved || m.LicenceTypeCode is null || m.LicenceName is null) return;

        var seal = await seals.SealingSealAsync(m.DepartmentCode, Clock.GetUtcNow(), ct)
            ?? await seals.ProvisionAsync(m.DepartmentCode, m.DepartmentName, m.DepartmentCreditCode, ct);
        await issuer.IssueAsync(new LicenceDraft(m.LicenceTypeCode, m.LicenceName, m.DepartmentCode, m.DepartmentName,
            m.DepartmentCreditCode, m.Holder, m.ProjectCode, m.ProjectName, m.RegionCode, m.ItemInstanceId, m.ApplicationId,
            m.ItemCode, m.Opinion, null, null), seal, m.DepartmentName, ct);
    }
}

using Approval.Contracts.Events;
using Approval.Intake.Data;
using Approval.Intake.Domain;
using Approval.Messaging;

namespace Approval.Intake.Consumers;

/// <summary>Records a certificate issued for one of an application's items, so progress can list it and later forms reuse its content.</summary>
public sealed class LicenceIssuedConsumer(IntakeDbContext db, TimeProvider clock, ILogger<LicenceIssuedConsumer> log)
    : InboxConsumer<IntakeDbContext, LicenceIssued>(db, clock, log)
{
    protected override Task HandleAsync(LicenceIssued m, CancellationToken ct)
    {
        Db.Licences.Add(new IssuedLicence
        {
            LicenceId = m.LicenceId, ApplicationId = m.ApplicationId, Identifier = m.Identifier, LicenceName = m.LicenceName,
            ItemCode = m.ItemCode, IssuerName = m.IssuerName, IssuedAt = m.IssuedAt, TypeCode = m.TypeCode, Content = m.Content?.ToList() ?? [],
        });
        return Task.CompletedTask;
    }
}

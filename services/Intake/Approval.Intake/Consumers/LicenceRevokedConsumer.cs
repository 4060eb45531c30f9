using Approval.Contracts.Events;
using Approval.Intake.Data;
using Approval.Messaging;

namespace Approval.Intake.Consumers;

/// <summary>Marks a certificate of an application as revoked (撤销), so progress no longer shows it as valid.</summary>
public sealed class LicenceRevokedConsumer(IntakeDbContext db, TimeProvider clock, ILogger<LicenceRevokedConsumer> log)
    : InboxConsumer<IntakeDbContext, LicenceRevoked>(db, clock, log)
{
    protected override async Task HandleAsync(LicenceRevoked m, CancellationToken ct)
    {
        // LicenceIssued leaves Licences first but travels on another queue: until it is applied, retry.
        var licence = await Db.Licences.FirstOrDefaultAsync(l => l.LicenceId == m.LicenceId, ct)
            ?? throw new InvalidOperationException($"Licence {m.Identifier} is revoked before its issue reached Intake; retrying.");
        licence.RevokedAt = m.RevokedAt;
        licence.RevocationReason = m.Reason;
    }
}

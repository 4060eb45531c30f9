using Approval.Contracts.Events;
using Approval.Intake.Data;
using Approval.Messaging;

namespace Approval.Intake.Consumers;

/// <summary>Marks a certificate of an application as expired (已过期), so progress no longer shows it as valid.</summary>
public sealed class LicenceExpiredConsumer(IntakeDbContext db, TimeProvider clock, ILogger<LicenceExpiredConsumer> log)
    : InboxConsumer<IntakeDbContext, LicenceExpired>(db, clock, log)
{
    protected override async Task HandleAsync(LicenceExpired m, CancellationToken ct)
    {
        // LicenceIssued leaves Licences first but travels on another queue: until it is applied, retry.
        var licence = await Db.Licences.FirstOrDefaultAsync(l => l.LicenceId == m.LicenceId, ct)
            ?? throw new InvalidOperationException($"Licence {m.Identifier} expired before its issue reached Intake; retrying.");
        licence.ExpiredAt = m.ValidTo;
    }
}

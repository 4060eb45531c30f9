using Approval.Licences.Data;
using Microsoft.EntityFrameworkCore;

namespace Approval.Licences.Sealing;

/// <summary>Seals (and renders) licences issued before e-seals existed, with their department's seal.</summary>
public sealed class UnsealedLicences(LicencesDbContext db, SealRegistry seals, LicenceSealer sealer, TimeProvider clock, ILogger<UnsealedLicences> log)
{
    public async Task SealAllAsync(CancellationToken ct)
    {
        var unsealed = await db.Licences.Where(l => l.SealId == Guid.Empty).OrderBy(l => l.IssuedAt).ToListAsync(ct);
        foreach (var licence in unsealed)
        {
            var now = clock.GetUtcNow();
            var seal = await seals.SealingSealAsync(licence.IssuerCode, now, ct)
                ?? await seals.ProvisionAsync(licence.IssuerCode, licence.IssuerName, licence.IssuerCreditCode, ct);
            sealer.Seal(licence, seal, now);
            await db.SaveChangesAsync(ct);
        }
        if (unsealed.Count > 0) log.LogInformation("Sealed {Count} licences issued before e-seals existed", unsealed.Count);
    }
}

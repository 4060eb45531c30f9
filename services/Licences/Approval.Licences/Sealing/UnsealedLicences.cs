using Approval.Licences.Data;

namespace Approval.Licences.Sealing;

/// <summary>Seals (and renders) licences issued before e-seals existed, with their department's seal.</summary>
public sealed class UnsealedLicences(LicencesDbContext db, SealRegistry seals, LicenceSealer sealer, TimeProvider clock, ILogger<UnsealedLicences> log)
{
    public async Task SealAllAsync(CancellationToken ct)
    {
        var unsealed = await db.Licences.Where(l => l.SealId == Guid.Empty).OrderBy(l => l.IssuedAt).ToListAsync(ct);
        foreach (var licence in unsealed)
        {
            var seal = await seals.SealingSealAsync(licence.IssuerCode, clock.GetUtcNow(), ct)
                ?? await seals.ProvisionAsync(licence.IssuerCode, licence.IssuerName, licence.IssuerCreditCode, ct);
            // Sealing time after provisioning: a seal just created is valid only from its creation on.
            sealer.Seal(licence, seal, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
        }
        if (unsealed.Count > 0) log.LogInformation("Sealed {Count} licences issued before e-seals existed", unsealed.Count);
    }
}

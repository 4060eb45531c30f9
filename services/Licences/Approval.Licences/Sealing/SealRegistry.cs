using Approval.Licences.Data;
using Approval.Licences.Domain;
using Approval.ServiceDefaults.Region;
using Microsoft.Extensions.Options;

namespace Approval.Licences.Sealing;

/// <summary>
/// Creates, rotates and uses the seals. Private keys are decrypted only inside <see cref="Sign"/> and never leave
/// the service. The region root and the archive seal are created at start (<see cref="EnsureRegionSealsAsync"/>).
/// </summary>
public sealed class SealRegistry(LicencesDbContext db, KeyProtector protector, IOptions<SealOptions> options, DeploymentRegion region, TimeProvider clock)
{
    public Task<Seal?> FindAsync(Guid id, CancellationToken ct) => db.Seals.FirstOrDefaultAsync(s => s.Id == id, ct);

    public Task<Seal?> RootAsync(CancellationToken ct) =>
        db.Seals.Where(s => s.HolderCode == Seal.RootHolder).OrderByDescending(s => s.Version).FirstOrDefaultAsync(ct);

    /// <summary>The holder's seal that may seal at <paramref name="at"/>, or null.</summary>
    public async Task<Seal?> SealingSealAsync(string holderCode, DateTimeOffset at, CancellationToken ct)
    {
        var current = await db.Seals.Where(s => s.HolderCode == holderCode && s.RetiredAt == null)
            .OrderByDescending(s => s.Version).FirstOrDefaultAsync(ct);
        return current is not null && current.CanSealAt(at) ? current : null;
    }

    public async Task<IReadOnlyList<Seal>> HistoryAsync(string holderCode, CancellationToken ct) =>
        await db.Seals.AsNoTracking().Where(s => s.HolderCode == holderCode).OrderBy(s => s.Version).ToListAsync(ct);

    /// <summary>Creates the region root (self-signed) and the archive seal if they do not exist yet, and saves.</summary>
    public async Task EnsureRegionSealsAsync(CancellationToken ct)
    {
        var root = await RootAsync(ct);
        if (root is null)
        {
            root = NewSeal(Seal.RootHolder, $"{region.Name}电子印章根", "", "", 1, options.Value.RootSealYears, issuer: null);
            db.Seals.Add(root);
        }
        if (await SealingSealAsync(Seal.ArchiveHolder, clock.GetUtcNow(), ct) is null)
        {
            await RetireCurrentAsync(Seal.ArchiveHolder, ct);
            db.Seals.Add(NewSeal(Seal.ArchiveHolder, $"{region.Name}工程建设项目档案专用章", "综合服务窗口", "",
                await NextVersionAsync(Seal.ArchiveHolder, ct), options.Value.DepartmentSealYears, root));
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Issues the holder's next seal under the region root and retires the current one (rotation). Not saved.</summary>
    public async Task<Seal> ProvisionAsync(string holderCode, string holderName, string creditCode, CancellationToken ct)
    {
        var root = await RootAsync(ct) ?? throw new InvalidOperationException("The region root seal has not been created.");
        await RetireCurrentAsync(holderCode, ct);
        var seal = NewSeal(holderCode, $"{holderName}电子证照专用章", holderName, creditCode, await NextVersionAsync(holderCode, ct),
            options.Value.DepartmentSealYears, root);
        db.Seals.Add(seal);
        return seal;
    }

    public byte[] Sign(Seal seal, byte[] message) => new SealSigner(protector).Sign(seal, message);

    private async Task RetireCurrentAsync(string holderCode, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        foreach (var s in await db.Seals.Where(s => s.HolderCode == holderCode && s.RetiredAt == null).ToListAsync(ct))
            s.RetiredAt = now;
    }

    private async Task<int> NextVersionAsync(string holderCode, CancellationToken ct) =>
        (await db.Seals.Where(s => s.HolderCode == holderCode).MaxAsync(s => (int?)s.Version, ct) ?? 0) + 1;

    private Seal NewSeal(string holderCode, string name, string holderName, string creditCode, int version, int years, Seal? issuer)
    {
        var now = clock.GetUtcNow();
        return SealFactory.Create(protector, holderCode, name, holderName, creditCode, version, now, now.AddYears(years), issuer);
    }
}

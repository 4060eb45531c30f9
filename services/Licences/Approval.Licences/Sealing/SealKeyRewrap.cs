using System.Security.Cryptography;
using Approval.Licences.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Approval.Licences.Sealing;

/// <summary>
/// Rotation of the key-encryption key (docs/operations.md, "Seal keys"): while <c>PreviousSealKeyEncryptionKey</c> is set,
/// each start re-encrypts every seal private key that the current key cannot open but the previous one can, under the
/// current key. The seals, their certificates and everything they sealed are unchanged; a key neither opens stops the
/// service, naming the seal, so a wrong pair of keys is found at once rather than at the next certificate.
/// </summary>
public sealed class SealKeyRewrap(LicencesDbContext db, KeyProtector current, KeyProtector? previous, ILogger<SealKeyRewrap> logger)
{
    /// <summary>The number of seal keys re-encrypted (0 when no previous key is set or all were done).</summary>
    public async Task<int> RewrapAsync(CancellationToken ct)
    {
        if (previous is null) return 0;
        var rewrapped = 0;
        foreach (var seal in await db.Seals.OrderBy(s => s.Id).ToListAsync(ct))
        {
            if (Opens(current, seal.EncryptedPrivateKey, seal.Id) is { } done) { Array.Clear(done); continue; }
            var key = Opens(previous, seal.EncryptedPrivateKey, seal.Id)
                ?? throw new InvalidOperationException($"Seal {seal.SealCode} ({seal.Id}) opens with neither the current nor the previous seal key-encryption key.");
            try { seal.EncryptedPrivateKey = current.Protect(key, seal.Id); }
            finally { Array.Clear(key); }
            rewrapped++;
        }
        await db.SaveChangesAsync(ct);
        if (rewrapped > 0) logger.LogWarning("Re-encrypted {Count} seal key(s) under the new key-encryption key; remove PreviousSealKeyEncryptionKey once every replica runs with the new key", rewrapped);
        return rewrapped;
    }

    private static byte[]? Opens(KeyProtector protector, byte[] data, Guid sealId)
    {
        try { return protector.Unprotect(data, sealId); }
        catch (CryptographicException) { return null; }
    }
}

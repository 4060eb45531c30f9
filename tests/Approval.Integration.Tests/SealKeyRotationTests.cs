using System.Security.Cryptography;
using Approval.Licences.Data;
using Approval.Licences.Domain;
using Approval.Licences.Sealing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Approval.Integration.Tests;

/// <summary>
/// Rotating the seals' key-encryption key (issue 21, docs/operations.md "Seal keys"): with the old key as
/// PreviousSealKeyEncryptionKey, a start re-encrypts every seal key under the new one, in Licences' real database;
/// the seals keep signing and their certificates still verify; a key neither opens stops the start.
/// </summary>
public sealed class SealKeyRotationTests
{
    private static KeyProtector NewKey() => new(RandomNumberGenerator.GetBytes(16));

    [Fact]
    public async Task Seal_keys_move_to_the_new_key_encryption_key_and_keep_signing()
    {
        var database = new FreshDatabase<LicencesDbContext>("seal_rotation");
        var (old, current) = (NewKey(), NewKey());
        try
        {
            await database.InitializeAsync();
            var now = DateTimeOffset.UtcNow;
            var root = SealFactory.Create(old, Seal.RootHolder, "区域根印章", "示范区", "11320000000000000X", 1, now, now.AddYears(20), null);
            var department = SealFactory.Create(old, "ZJJ", "电子证照专用章", "示范区住房和城乡建设局", "11320000000000001X", 1, now, now.AddYears(3), root);
            await using (var db = database.NewContext())
            {
                db.Seals.AddRange(root, department);
                await db.SaveChangesAsync();
            }

            // Without the previous key nothing changes, and the new key cannot sign with the old seals.
            await using (var db = database.NewContext())
            {
                Assert.Equal(0, await new SealKeyRewrap(db, current, null, NullLogger<SealKeyRewrap>.Instance).RewrapAsync(default));
                var stored = await db.Seals.SingleAsync(s => s.Id == department.Id);
                Assert.Throws<CryptographicException>(() => new SealSigner(current).Sign(stored, [1]));
            }

            await using (var db = database.NewContext())
                Assert.Equal(2, await new SealKeyRewrap(db, current, old, NullLogger<SealKeyRewrap>.Instance).RewrapAsync(default));

            await using (var db = database.NewContext())
            {
                var seals = await db.Seals.ToListAsync();
                var message = "建设工程规划许可证"u8.ToArray();
                foreach (var seal in seals)
                {
                    Assert.True(Sm2.Verify(seal.PublicKey, message, new SealSigner(current).Sign(seal, message)), seal.SealCode);
                    Assert.Throws<CryptographicException>(() => old.Unprotect(seal.EncryptedPrivateKey, seal.Id));
                }
                var reloadedRoot = seals.Single(s => s.IsRoot);
                var reloadedDepartment = seals.Single(s => !s.IsRoot);
                Assert.True(Sm2.Verify(reloadedRoot.PublicKey, SealCertificate.Content(reloadedDepartment), reloadedDepartment.CertificateSignature));
                // a second start with the previous key still set has nothing left to do
                Assert.Equal(0, await new SealKeyRewrap(db, current, old, NullLogger<SealKeyRewrap>.Instance).RewrapAsync(default));
            }

            // A wrong previous key (neither opens the seal) stops the start and names the seal.
            await using (var db = database.NewContext())
            {
                var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
                    new SealKeyRewrap(db, NewKey(), NewKey(), NullLogger<SealKeyRewrap>.Instance).RewrapAsync(default));
                // both seals are UUIDv7 of one millisecond, so either may be met first; the message names the one it met
                Assert.Matches(@"^Seal (ROOT-01|ZJJ-01) \([0-9a-f-]{36}\) opens with neither", error.Message);
            }
        }
        finally
        {
            await database.DisposeAsync();
        }
    }
}

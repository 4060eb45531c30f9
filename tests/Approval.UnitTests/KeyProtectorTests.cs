using System.Security.Cryptography;
using Approval.Licences.Sealing;

namespace Approval.UnitTests;

public sealed class KeyProtectorTests
{
    private static readonly byte[] Secret = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private readonly KeyProtector protector = new(Convert.FromHexString("0123456789abcdeffedcba9876543210"));

    [Fact]
    public void A_protected_key_round_trips_and_is_not_stored_in_the_clear()
    {
        var id = Guid.NewGuid();
        var stored = protector.Protect(Secret, id);
        Assert.Equal(Secret, protector.Unprotect(stored, id));
        Assert.False(stored.AsSpan().IndexOf(Secret.AsSpan(0, 8)) >= 0);
    }

    [Fact]
    public void A_wrong_key_an_altered_byte_or_another_seal_id_fails_to_decrypt()
    {
        var id = Guid.NewGuid();
        var stored = protector.Protect(Secret, id);
        var other = new KeyProtector(Convert.FromHexString("00000000000000000000000000000001"));
        Assert.Throws<CryptographicException>(() => other.Unprotect(stored, id));
        Assert.Throws<CryptographicException>(() => protector.Unprotect(stored, Guid.NewGuid()));
        stored[^1] ^= 1;
        Assert.Throws<CryptographicException>(() => protector.Unprotect(stored, id));
    }

    [Fact]
    public void Only_a_128_bit_key_is_accepted() =>
        Assert.Throws<ArgumentException>(() => new KeyProtector(new byte[8]));
}

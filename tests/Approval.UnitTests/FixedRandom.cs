using Org.BouncyCastle.Crypto.Prng;

namespace Approval.UnitTests;

/// <summary>A "random" source that yields a fixed k, so the standards' SM2 signature examples reproduce exactly.</summary>
public sealed class FixedRandom(byte[] value) : IRandomGenerator
{
    public void AddSeedMaterial(byte[] seed) { }
    public void AddSeedMaterial(ReadOnlySpan<byte> seed) { }
    public void AddSeedMaterial(long seed) { }
    public void NextBytes(byte[] bytes) => NextBytes(bytes.AsSpan());
    public void NextBytes(byte[] bytes, int start, int len) => NextBytes(bytes.AsSpan(start, len));

    public void NextBytes(Span<byte> bytes)
    {
        if (bytes.Length != value.Length) throw new InvalidOperationException($"asked for {bytes.Length} bytes, k has {value.Length}");
        value.CopyTo(bytes);
    }
}

using Org.BouncyCastle.Crypto.Digests;

namespace Approval.ServiceDefaults.Cryptography;

/// <summary>SM3 digests (GB/T 32905): licence seals and archives, and the audit log's hash chain.</summary>
public static class Sm3
{
    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        var digest = new SM3Digest();
        digest.BlockUpdate(data);
        var result = new byte[digest.GetDigestSize()];
        digest.DoFinal(result, 0);
        return result;
    }

    public static string Hex(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(Hash(data));
}

using System.Security.Cryptography;
using System.Text;

namespace Approval.Marketplace.Domain;

/// <summary>
/// The random draw (随机抽取), reproducible from its record: the agency at index SHA-256(seed | candidates) mod n of the
/// ordered candidate list. No System.Random and no state: anyone holding the seed and the list gets the same agency.
/// </summary>
public static class Draw
{
    public static string Pick(string seed, IReadOnlyList<string> candidates)
    {
        if (candidates.Count == 0) throw new ArgumentException("a draw needs at least one candidate", nameof(candidates));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(seed + "|" + string.Join(",", candidates)));
        var value = System.Numerics.BigInteger.Abs(new System.Numerics.BigInteger(hash, isUnsigned: true, isBigEndian: true));
        return candidates[(int)(value % candidates.Count)];
    }

    /// <summary>A fresh seed: 128 random bits as hex, made by the service (the applicant does not choose it).</summary>
    public static string NewSeed() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}

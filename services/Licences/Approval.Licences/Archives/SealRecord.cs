using Approval.Licences.Domain;

namespace Approval.Licences.Archives;

/// <summary>The public part of a seal (GB/T 38540 spirit): never the private key.</summary>
public sealed record SealRecord(
    Guid SealId, string SealCode, string Name, string HolderCode, string HolderName, string HolderCreditCode, int Version,
    string Algorithm, string PublicKey, DateTimeOffset ValidFrom, DateTimeOffset ValidTo, DateTimeOffset? RetiredAt,
    Guid IssuerSealId, string CertificateSignature)
{
    public static SealRecord Of(Seal s) => new(
        s.Id, s.SealCode, s.Name, s.HolderCode, s.HolderName, s.HolderCreditCode, s.Version, "SM2 sm2p256v1 / SM3",
        Convert.ToHexStringLower(s.PublicKey), s.ValidFrom, s.ValidTo, s.RetiredAt, s.IssuerSealId, Convert.ToBase64String(s.CertificateSignature));
}

using Approval.Licences.Domain;

namespace Approval.Licences.Sealing;

/// <summary>The content of a seal's certificate, which the region root signs (the root signs its own).</summary>
public static class SealCertificate
{
    public static byte[] Content(Seal s) => Canonical.Encode("APPROVAL-SEAL-CERTIFICATE/1",
    [
        ("sealId", s.Id.ToString()), ("sealCode", s.SealCode), ("name", s.Name),
        ("holderCode", s.HolderCode), ("holderName", s.HolderName), ("holderCreditCode", s.HolderCreditCode),
        ("version", s.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("publicKey", Convert.ToHexStringLower(s.PublicKey)),
        ("validFrom", Canonical.Time(s.ValidFrom)), ("validTo", Canonical.Time(s.ValidTo)),
        ("issuerSealId", s.IssuerSealId.ToString()),
    ]);

    /// <summary>Null when the certificate of <paramref name="seal"/> verifies under <paramref name="root"/>; otherwise why not.</summary>
    public static string? Problem(Seal seal, Seal root)
    {
        if (!root.IsRoot || root.IssuerSealId != root.Id) return "the issuer is not a region root seal / 签发者不是区域根印章";
        if (seal.IssuerSealId != root.Id) return "the seal was not issued by this root / 印章非该根印章签发";
        if (!Sm2.Verify(root.PublicKey, SealCertificate.Content(root), root.CertificateSignature))
            return "the root certificate signature does not verify / 根证书签名验证失败";
        if (!Sm2.Verify(root.PublicKey, Content(seal), seal.CertificateSignature))
            return "the seal certificate signature does not verify / 印章证书签名验证失败";
        return null;
    }
}

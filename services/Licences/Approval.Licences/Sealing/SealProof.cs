using Approval.Licences.Domain;

namespace Approval.Licences.Sealing;

/// <summary>Whether a licence's content, its PDF and the seal that signed them verify, and if not, why.</summary>
public sealed record SealProof(
    bool ContentVerified, bool DocumentVerified, bool SealCertificateVerified, bool SealInForceWhenSealed,
    string ContentDigest, string DocumentDigest, Guid SealId, string? SealCode, DateTimeOffset SealedAt, IReadOnlyList<string> Problems)
{
    public bool Verified => Problems.Count == 0;

    /// <summary>Checks the stored licence against its seal and the region root (<paramref name="seal"/>/<paramref name="root"/> null when unknown).</summary>
    public static SealProof Check(Licence l, Seal? seal, Seal? root)
    {
        var problems = new List<string>();
        var content = LicenceContent.Of(l);
        var digest = Sm3.Hash(content);
        var digestHex = Convert.ToHexStringLower(digest);
        var pdfDigest = Sm3.Hash(l.Pdf);
        var pdfDigestHex = Convert.ToHexStringLower(pdfDigest);
        bool contentOk = false, pdfOk = false, certOk = false, inForce = false;

        if (seal is null) problems.Add("the seal that signed the licence is unknown / 签章印章不存在");
        else
        {
            if (digestHex != l.ContentDigest) problems.Add("the licence content differs from what was sealed (SM3 digest mismatch) / 证照内容与签章时不一致（SM3摘要不符）");
            contentOk = Sm2.Verify(seal.PublicKey, digest, l.ContentSignature);
            if (!contentOk) problems.Add("the SM2 signature of the content does not verify / 证照内容SM2签名验证失败");
            if (pdfDigestHex != l.PdfDigest) problems.Add("the PDF differs from what was sealed (SM3 digest mismatch) / 证照文件与签章时不一致（SM3摘要不符）");
            pdfOk = Sm2.Verify(seal.PublicKey, pdfDigest, l.PdfSignature);
            if (!pdfOk) problems.Add("the SM2 signature of the PDF does not verify / 证照文件SM2签名验证失败");
            var certProblem = root is null ? "no region root seal / 缺少区域根印章" : SealCertificate.Problem(seal, root);
            certOk = certProblem is null;
            if (certProblem is not null) problems.Add(certProblem);
            inForce = seal.WasInForceAt(l.SealedAt);
            if (!inForce) problems.Add("the seal was not in force when the licence was sealed / 签章时印章不在有效期内");
        }
        return new SealProof(contentOk && digestHex == l.ContentDigest, pdfOk && pdfDigestHex == l.PdfDigest, certOk, inForce,
            digestHex, pdfDigestHex, l.SealId, seal?.SealCode, l.SealedAt, problems);
    }
}

using Approval.Licences.Domain;
using Approval.Licences.Rendering;

namespace Approval.Licences.Sealing;

/// <summary>Seals a licence: signs the SM3 digest of its canonical content and of its rendered PDF with the seal.</summary>
public sealed class LicenceSealer(SealSigner seals, LicencePdfRenderer renderer)
{
    public void Seal(Licence licence, Seal seal, DateTimeOffset at)
    {
        if (!seal.CanSealAt(at)) throw new NoValidSealException(seal.HolderCode);
        licence.SealId = seal.Id;
        licence.SealedAt = at;
        var digest = Sm3.Hash(LicenceContent.Of(licence));
        licence.ContentDigest = Convert.ToHexStringLower(digest);
        licence.ContentSignature = seals.Sign(seal, digest);
        licence.Pdf = renderer.Render(licence, seal);
        var pdfDigest = Sm3.Hash(licence.Pdf);
        licence.PdfDigest = Convert.ToHexStringLower(pdfDigest);
        licence.PdfSignature = seals.Sign(seal, pdfDigest);
    }
}

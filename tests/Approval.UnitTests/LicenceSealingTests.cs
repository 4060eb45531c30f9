using System.Buffers.Binary;
using System.Text;
using Approval.Licences.Domain;
using Approval.Licences.Rendering;
using Approval.Licences.Sealing;
using Microsoft.Extensions.Options;

namespace Approval.UnitTests;

/// <summary>Seals, their certificates under the region root, sealing a licence, tamper detection and rotation.</summary>
public sealed class LicenceSealingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);
    private readonly KeyProtector protector = new(Convert.FromHexString("0123456789abcdeffedcba9876543210"));
    private readonly SealOptions options = new();
    private readonly Seal root;
    private readonly LicenceSealer sealer;

    public LicenceSealingTests()
    {
        root = SealFactory.Create(protector, Seal.RootHolder, "示范区电子印章根", "", "", 1, Now.AddDays(-1), Now.AddYears(20), null);
        sealer = new LicenceSealer(new SealSigner(protector), new LicencePdfRenderer(Options.Create(options)));
    }

    private Seal DepartmentSeal(int version = 1, Seal? issuer = null) =>
        SealFactory.Create(protector, "ZJJ", "示范区住房和城乡建设局电子证照专用章", "示范区住房和城乡建设局", "11320193MB0001001K",
            version, Now.AddDays(-1), Now.AddYears(3), issuer ?? root);

    private static Licence NewLicence() => new()
    {
        Id = Guid.NewGuid(), Identifier = LicenceIdentifier.Create("11100000000001", "11320193MB0001001K", "20260000001", 1),
        TypeCode = "11100000000001", LicenceName = "建筑工程施工许可证", IssuerCode = "ZJJ", IssuerName = "示范区住房和城乡建设局",
        IssuerCreditCode = "11320193MB0001001K", Holder = "示范建设有限公司", ProjectCode = "2509-320193-89-01-544060",
        ProjectName = "示范区科创园一期", RegionCode = "320193", ItemCode = "320193-ZJ-SG-001", Decision = "符合条件，准予许可",
        ApplicationId = Guid.NewGuid(), ItemInstanceId = Guid.NewGuid(), IssuedAt = Now,
    };

    [Fact]
    public void A_sealed_licence_verifies_its_content_its_pdf_and_its_seal_certificate()
    {
        var seal = DepartmentSeal();
        var licence = NewLicence();
        sealer.Seal(licence, seal, Now);

        var proof = SealProof.Check(licence, seal, root);
        Assert.True(proof.Verified, string.Join("; ", proof.Problems));
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(licence.Pdf, 0, 5));
    }

    /// <summary>
    /// The canonical content (Canonical.cs: a header line, then "name=value" per field, UTF-8, LF, times as UTC ISO 8601
    /// with milliseconds) of a licence whose every field is fixed, written out by hand; its SM3 digest computed outside this
    /// code by OpenSSL 3 (`openssl dgst -sm3` of exactly this text; the same OpenSSL gives the GB/T 32905 vector
    /// SM3("abc") = 66c7f0f4…8f4ba8e0). The identifier's check character J is ISO 7064 MOD 37,36 over
    /// "11100000000001" + "11320193MB0001001K" + "20260000001" + "001", worked with the standard's recurrence.
    /// </summary>
    [Fact]
    public void The_content_digest_is_the_sm3_of_the_canonical_text_worked_out_by_hand()
    {
        var licence = NewLicence();
        licence = Copy(licence, licence.Holder, FixedApplication, FixedItemInstance);
        var seal = FixedSeal();
        sealer.Seal(licence, seal, Now);

        const string canonical = "APPROVAL-LICENCE/1\n" +
            "identifier=1.2.156.3005.2.11100000000001.11320193MB0001001K.20260000001.001.J\n" +
            "typeCode=11100000000001\nlicenceName=建筑工程施工许可证\nissuerCode=ZJJ\nissuerName=示范区住房和城乡建设局\n" +
            "issuerCreditCode=11320193MB0001001K\nholder=示范建设有限公司\nprojectCode=2509-320193-89-01-544060\n" +
            "projectName=示范区科创园一期\nregionCode=320193\nitemCode=320193-ZJ-SG-001\n" +
            "applicationId=0199a3c0-0000-7000-8000-00000000000a\nitemInstanceId=0199a3c0-0000-7000-8000-00000000000b\n" +
            "decision=符合条件，准予许可\nissuedAt=2026-11-25T08:00:00.000Z\nvalidFrom=\nvalidTo=\n" +
            "sealId=0199a3c0-0000-7000-8000-000000000001\nsealedAt=2026-11-25T08:00:00.000Z\n";
        Assert.Equal(canonical, Encoding.UTF8.GetString(LicenceContent.Of(licence)));
        Assert.Equal("caf25775a15ee888eff820a40c03fbbaa6a0204da1a2dd3eab4a6fbc0f3f9049", licence.ContentDigest);
        Assert.True(SealProof.Check(licence, seal, root).ContentVerified);
    }

    private static readonly Guid FixedSealId = Guid.Parse("0199a3c0-0000-7000-8000-000000000001");
    private static readonly Guid FixedApplication = Guid.Parse("0199a3c0-0000-7000-8000-00000000000a");
    private static readonly Guid FixedItemInstance = Guid.Parse("0199a3c0-0000-7000-8000-00000000000b");

    /// <summary>ZJJ's seal as SealFactory makes it, but under a fixed id (the content names the seal), certified by the root.</summary>
    private Seal FixedSeal()
    {
        var (privateKey, publicKey) = Sm2.GenerateKeyPair();
        var seal = new Seal
        {
            Id = FixedSealId, SealCode = "ZJJ-01", Name = "示范区住房和城乡建设局电子证照专用章", HolderCode = "ZJJ", HolderName = "示范区住房和城乡建设局",
            HolderCreditCode = "11320193MB0001001K", Version = 1, PublicKey = publicKey, EncryptedPrivateKey = protector.Protect(privateKey, FixedSealId),
            ValidFrom = Now.AddDays(-1), ValidTo = Now.AddYears(3), IssuerSealId = root.Id, CertificateSignature = [],
        };
        seal.CertificateSignature = new SealSigner(protector).Sign(root, SealCertificate.Content(seal));
        return seal;
    }

    [Fact]
    public void Altered_content_fails_and_says_the_digest_differs()
    {
        var seal = DepartmentSeal();
        var licence = NewLicence();
        sealer.Seal(licence, seal, Now);
        var altered = Copy(licence, holder: "冒名建设有限公司");

        var proof = SealProof.Check(altered, seal, root);
        Assert.False(proof.ContentVerified);
        Assert.True(proof.DocumentVerified);
        Assert.Contains(proof.Problems, p => p.Contains("content differs", StringComparison.Ordinal));
    }

    [Fact]
    public void One_altered_byte_of_the_pdf_fails_the_document_proof()
    {
        var seal = DepartmentSeal();
        var licence = NewLicence();
        sealer.Seal(licence, seal, Now);
        licence.Pdf[licence.Pdf.Length / 2] ^= 0x01;

        var proof = SealProof.Check(licence, seal, root);
        Assert.False(proof.DocumentVerified);
        Assert.True(proof.ContentVerified);
        Assert.Contains(proof.Problems, p => p.Contains("PDF differs", StringComparison.Ordinal));
    }

    [Fact]
    public void After_rotation_old_licences_still_verify_and_the_retired_seal_cannot_seal_again()
    {
        var first = DepartmentSeal();
        var old = NewLicence();
        sealer.Seal(old, first, Now);

        first.RetiredAt = Now.AddMinutes(1);
        var second = DepartmentSeal(version: 2);
        var fresh = NewLicence();
        sealer.Seal(fresh, second, Now.AddMinutes(2));

        Assert.True(SealProof.Check(old, first, root).Verified);
        Assert.True(SealProof.Check(fresh, second, root).Verified);
        Assert.NotEqual(first.PublicKey, second.PublicKey);
        Assert.Throws<NoValidSealException>(() => sealer.Seal(NewLicence(), first, Now.AddMinutes(3)));
        // A licence claiming the old seal after its retirement is not in force.
        var backdated = NewLicence();
        sealer.Seal(backdated, second, Now.AddMinutes(4));
        backdated.SealId = first.Id;
        Assert.False(SealProof.Check(backdated, first, root).Verified);
    }

    [Fact]
    public void A_seal_certified_by_another_root_or_an_expired_seal_fails()
    {
        var strangerRoot = SealFactory.Create(protector, Seal.RootHolder, "伪造根", "", "", 1, Now.AddDays(-1), Now.AddYears(1), null);
        var forged = DepartmentSeal(issuer: strangerRoot);
        var licence = NewLicence();
        sealer.Seal(licence, forged, Now);
        var proof = SealProof.Check(licence, forged, root);
        Assert.False(proof.SealCertificateVerified);

        var expired = SealFactory.Create(protector, "ZJJ", "旧章", "示范区住房和城乡建设局", "11320193MB0001001K", 1,
            Now.AddYears(-4), Now.AddYears(-1), root);
        Assert.Throws<NoValidSealException>(() => sealer.Seal(NewLicence(), expired, Now));
    }

    [Fact]
    public void Face_zero_of_the_font_collection_becomes_a_standalone_truetype_font_embedded_as_a_subset()
    {
        var collection = File.ReadAllBytes(options.FontPath);
        var face = TrueTypeCollection.ExtractFace(collection);
        Assert.Equal(0x00010000u, BinaryPrimitives.ReadUInt32BigEndian(face));
        Assert.True(face.Length < collection.Length);

        var licence = NewLicence();
        sealer.Seal(licence, DepartmentSeal(), Now);
        var text = Encoding.Latin1.GetString(licence.Pdf);
        Assert.Contains("/FontFile2", text);
        Assert.InRange(licence.Pdf.Length, 10_000, 400_000);
    }

    internal static Licence Copy(Licence l, string holder, Guid? applicationId = null, Guid? itemInstanceId = null,
        List<Approval.Contracts.Licences.LicenceField>? content = null) => new()
    {
        Id = l.Id, Identifier = l.Identifier, TypeCode = l.TypeCode, LicenceName = l.LicenceName, IssuerCode = l.IssuerCode,
        IssuerName = l.IssuerName, IssuerCreditCode = l.IssuerCreditCode, Holder = holder, ProjectCode = l.ProjectCode,
        ProjectName = l.ProjectName, RegionCode = l.RegionCode, ItemCode = l.ItemCode, Decision = l.Decision,
        ApplicationId = applicationId ?? l.ApplicationId, ItemInstanceId = itemInstanceId ?? l.ItemInstanceId, IssuedAt = l.IssuedAt,
        SealId = l.SealId, SealedAt = l.SealedAt, ContentDigest = l.ContentDigest, ContentSignature = l.ContentSignature,
        PdfDigest = l.PdfDigest, PdfSignature = l.PdfSignature, Pdf = l.Pdf, Content = content ?? l.Content,
    };
}

using Approval.Licences.Domain;

namespace Approval.Licences.Sealing;

/// <summary>Makes a seal: a fresh SM2 key pair (private key encrypted at once) and a certificate signed by the issuer (or itself, for a root).</summary>
public static class SealFactory
{
    public static Seal Create(KeyProtector protector, string holderCode, string name, string holderName, string creditCode,
        int version, DateTimeOffset now, DateTimeOffset validTo, Seal? issuer)
    {
        var id = Guid.CreateVersion7(now);
        var (privateKey, publicKey) = Sm2.GenerateKeyPair();
        var seal = new Seal
        {
            Id = id, SealCode = $"{holderCode}-{version:D2}", Name = name, HolderCode = holderCode, HolderName = holderName,
            HolderCreditCode = creditCode, Version = version, PublicKey = publicKey,
            EncryptedPrivateKey = protector.Protect(privateKey, id),
            ValidFrom = now, ValidTo = validTo, IssuerSealId = issuer?.Id ?? id, CertificateSignature = [],
        };
        var content = SealCertificate.Content(seal);
        seal.CertificateSignature = issuer is null ? Sm2.Sign(privateKey, content) : new SealSigner(protector).Sign(issuer, content);
        Array.Clear(privateKey);
        return seal;
    }
}

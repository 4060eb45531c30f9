namespace Approval.Licences.Domain;

/// <summary>
/// An e-seal (电子印章) in the spirit of GB/T 38540: who holds it, its SM2 key pair (private key encrypted at
/// rest, never returned), its validity and its certificate, signed by the region root seal (the root signs itself).
/// Rotation retires a seal and issues the holder's next version; a retired seal still verifies what it sealed.
/// </summary>
public sealed class Seal
{
    public const string RootHolder = "ROOT";
    public const string ArchiveHolder = "ARCHIVE";

    public Guid Id { get; init; }
    public required string SealCode { get; init; }
    public required string Name { get; init; }
    public required string HolderCode { get; init; }
    public required string HolderName { get; init; }
    public required string HolderCreditCode { get; init; }
    public int Version { get; init; }
    public required byte[] PublicKey { get; init; }
    /// <summary>Re-encrypted only when the key-encryption key rotates (<see cref="Sealing.SealKeyRewrap"/>).</summary>
    public required byte[] EncryptedPrivateKey { get; set; }
    public DateTimeOffset ValidFrom { get; init; }
    public DateTimeOffset ValidTo { get; init; }
    /// <summary>The root seal that signed this seal's certificate; the root names itself.</summary>
    public Guid IssuerSealId { get; init; }
    public required byte[] CertificateSignature { get; set; }
    public DateTimeOffset? RetiredAt { get; set; }

    public bool IsRoot => HolderCode == RootHolder;

    /// <summary>May seal new documents at <paramref name="at"/>: in its validity and not retired.</summary>
    public bool CanSealAt(DateTimeOffset at) => RetiredAt is null && at >= ValidFrom && at < ValidTo;

    /// <summary>Was in force at <paramref name="at"/> (when a document was sealed), whatever happened since.</summary>
    public bool WasInForceAt(DateTimeOffset at) => at >= ValidFrom && at < ValidTo && (RetiredAt is null || at <= RetiredAt);
}

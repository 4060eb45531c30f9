namespace Approval.Licences.Archives;

/// <summary>manifest.sig.json: the SM2 signature of the SM3 digest of manifest.sm3 by the archive seal.</summary>
public sealed record ManifestSignature(Guid SealId, string SealCode, DateTimeOffset SignedAt, string Algorithm, string ManifestDigest, string Signature);

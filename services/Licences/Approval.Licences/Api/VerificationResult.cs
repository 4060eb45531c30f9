using Approval.Contracts.Licences;
using Approval.Licences.Domain;
using Approval.Licences.Sealing;

namespace Approval.Licences.Api;

/// <summary>
/// What the public learns when verifying: the status (valid / revoked / expired / unknown), whether the seal proof
/// holds, why not, the issuing department and the key fields.
/// </summary>
public sealed record VerificationResult(
    string Identifier, string Status, string StatusName, bool Verified, IReadOnlyList<string> Reasons,
    VerifiedLicence? Licence, SealProof? Proof)
{
    public static VerificationResult Unknown(string identifier, string reason) =>
        new(identifier, "unknown", "未知", false, [reason], null, null);

    public static VerificationResult Of(Licence l, SealProof proof, DateTimeOffset now, IEnumerable<string>? extraReasons = null)
    {
        var status = l.StatusAt(now);
        var reasons = proof.Problems.Concat(extraReasons ?? []).ToList();
        if (status == LicenceStatus.Revoked) reasons.Add($"the licence was revoked: {l.RevocationReason} / 证照已撤销：{l.RevocationReason}");
        if (status == LicenceStatus.Expired) reasons.Add("the licence has expired / 证照已过期");
        return new(l.Identifier, status.Code(), status.ChineseName(), reasons.Count == 0, reasons,
            new VerifiedLicence(l.LicenceName, l.TypeCode, l.IssuerName, l.IssuerCreditCode, l.Holder, l.ProjectCode, l.ProjectName,
                l.IssuedAt, l.ValidFrom, l.ValidTo, l.RevokedAt,
                l.Content.Select(f => new ContentDto(f.Name, f.Type, LicenceFieldRules.Public(f))).ToList()), proof);
    }
}

public sealed record VerifiedLicence(
    string LicenceName, string TypeCode, string IssuerName, string IssuerCreditCode, string Holder, string ProjectCode, string ProjectName,
    DateTimeOffset IssuedAt, DateTimeOffset? ValidFrom, DateTimeOffset? ValidTo, DateTimeOffset? RevokedAt,
    // 照面信息, so a bank or an inspector can compare them with the paper in hand; personal ID numbers are masked.
    IReadOnlyList<ContentDto> Content);

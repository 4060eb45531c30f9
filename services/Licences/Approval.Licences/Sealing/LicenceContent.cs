using Approval.Licences.Domain;

namespace Approval.Licences.Sealing;

/// <summary>
/// The canonical content of a licence: every field the certificate states, the seal id and the sealing time, then its
/// 照面信息 one line each ("content.&lt;name&gt;=value", in the certificate's order). A licence without content fields
/// encodes exactly as before they existed, so earlier seals still verify.
/// </summary>
public static class LicenceContent
{
    public static byte[] Of(Licence l) => Canonical.Encode("APPROVAL-LICENCE/1",
    [..Header(l), ..l.Content.Select(f => ($"content.{f.Name}", f.Value))]);

    private static (string, string?)[] Header(Licence l) =>
    [
        ("identifier", l.Identifier), ("typeCode", l.TypeCode), ("licenceName", l.LicenceName),
        ("issuerCode", l.IssuerCode), ("issuerName", l.IssuerName), ("issuerCreditCode", l.IssuerCreditCode),
        ("holder", l.Holder), ("projectCode", l.ProjectCode), ("projectName", l.ProjectName), ("regionCode", l.RegionCode),
        ("itemCode", l.ItemCode), ("applicationId", l.ApplicationId.ToString()), ("itemInstanceId", l.ItemInstanceId.ToString()),
        ("decision", l.Decision), ("issuedAt", Canonical.Time(l.IssuedAt)),
        ("validFrom", Canonical.Time(l.ValidFrom)), ("validTo", Canonical.Time(l.ValidTo)),
        ("sealId", l.SealId.ToString()), ("sealedAt", Canonical.Time(l.SealedAt)),
    ];
}

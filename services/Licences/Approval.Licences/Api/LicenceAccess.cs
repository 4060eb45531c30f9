using Approval.Licences.Domain;

namespace Approval.Licences.Api;

/// <summary>
/// Who may read a licence's PDF: its holder — matched by account (token sub) or by credit code / ID number (token
/// real_name_number), never by display name — and, in the licence's region, the window and the issuing department.
/// </summary>
public static class LicenceAccess
{
    /// <summary>Audit action of a document handed out (PDF, archive package).</summary>
    public const string Download = "download";
    /// <summary>Audit action of a detached signature made with a department's seal.</summary>
    public const string Sign = "seal-sign";

    public static bool IsHolder(ClaimsPrincipal user, Licence l) =>
        (l.HolderId.Length > 0 && l.HolderId == user.UserId())
        || (l.HolderNumber is { Length: > 0 } number && number == user.CreditOrIdNumber());

    public static bool MayRead(ClaimsPrincipal user, Licence l) =>
        IsHolder(user, l)
        || (user.InRegion(l.RegionCode) && (user.IsInRole(Roles.Window) || IsIssuer(user, l)));

    public static bool IsIssuer(ClaimsPrincipal user, Licence l) =>
        user.IsInRole(Roles.Department) && user.OrganisationCode() == l.IssuerCode && user.InRegion(l.RegionCode);
}

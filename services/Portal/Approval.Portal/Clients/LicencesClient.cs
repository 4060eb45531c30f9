using Microsoft.AspNetCore.Components.Authorization;

namespace Approval.Portal.Clients;

/// <summary>Licences (public): 电子证照核验 (docs/licences.md). The certificate download goes through the portal's own endpoint (Api/CertificateDownload.cs).</summary>
public sealed class LicencesClient(HttpClient http, AuthenticationStateProvider authentication) : ServiceClient(http, authentication)
{
    public Task<Verification> VerifyAsync(string identifier, CancellationToken ct = default) =>
        GetAsync<Verification>($"/api/licences/verify/{Uri.EscapeDataString(identifier)}", ct);

    /// <summary>A licence of the library by its identifier, with its 照面信息 (the holder's view of their certificate).</summary>
    public Task<Licence> LicenceAsync(string identifier, CancellationToken ct = default) =>
        GetAsync<Licence>($"/api/licences/{Uri.EscapeDataString(identifier)}", ct);
}

/// <summary>A licence of the library (Licences' LicenceDto); ValidTo null: 长期有效.</summary>
public sealed record Licence(
    string Identifier, string TypeCode, string LicenceName, string IssuerName, string IssuerCreditCode, string Holder,
    string ProjectCode, string ProjectName, string ItemCode, Guid ApplicationId, string Decision, DateTimeOffset IssuedAt,
    DateTimeOffset? ValidFrom, DateTimeOffset? ValidTo, string Status, string StatusName, DateTimeOffset? RevokedAt, string? RevocationReason,
    IReadOnlyList<LicenceContentEntry>? Content = null);

/// <summary>One line of a certificate's 照面信息; Value null: not stated (shown as "/"). Public verification masks ID numbers.</summary>
public sealed record LicenceContentEntry(string Name, string? Value);

public sealed record Verification(
    string Identifier, string Status, string StatusName, bool Verified, IReadOnlyList<string> Reasons, VerifiedLicence? Licence);

public sealed record VerifiedLicence(
    string LicenceName, string TypeCode, string IssuerName, string IssuerCreditCode, string Holder, string ProjectCode, string ProjectName,
    DateTimeOffset IssuedAt, DateTimeOffset? ValidFrom, DateTimeOffset? ValidTo, DateTimeOffset? RevokedAt,
    IReadOnlyList<LicenceContentEntry>? Content = null);

using Microsoft.AspNetCore.Components.Authorization;

namespace Approval.Portal.Clients;

/// <summary>Licences (public): 电子证照核验 (docs/licences.md). The certificate download goes through the portal's own endpoint (Api/CertificateDownload.cs).</summary>
public sealed class LicencesClient(HttpClient http, AuthenticationStateProvider authentication) : ServiceClient(http, authentication)
{
    public Task<Verification> VerifyAsync(string identifier, CancellationToken ct = default) =>
        GetAsync<Verification>($"/api/licences/verify/{Uri.EscapeDataString(identifier)}", ct);
}

public sealed record Verification(
    string Identifier, string Status, string StatusName, bool Verified, IReadOnlyList<string> Reasons, VerifiedLicence? Licence);

public sealed record VerifiedLicence(
    string LicenceName, string TypeCode, string IssuerName, string IssuerCreditCode, string Holder, string ProjectCode, string ProjectName,
    DateTimeOffset IssuedAt, DateTimeOffset? ValidFrom, DateTimeOffset? ValidTo, DateTimeOffset? RevokedAt);

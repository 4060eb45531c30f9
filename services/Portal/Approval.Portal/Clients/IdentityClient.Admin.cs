namespace Approval.Portal.Clients;

/// <summary>
/// The region admin's calls to Identity (docs/identity.md): organisations, the region's staff accounts with their roles,
/// 重置动态口令, and the organisations' systems (department-system clients: secret rotation, public keys).
/// </summary>
public sealed partial class IdentityClient
{
    public Task<List<OrganisationInfo>> OrganisationsAsync(CancellationToken ct = default) =>
        GetAsync<List<OrganisationInfo>>("/api/identity/organisations", ct);

    public Task<OrganisationInfo> CreateOrganisationAsync(NewOrganisation organisation, CancellationToken ct = default) =>
        SendAsync<OrganisationInfo>(HttpMethod.Post, "/api/identity/organisations", organisation, ct);

    public Task<List<StaffAccount>> StaffAsync(string? q, string? organisation, CancellationToken ct = default) =>
        GetAsync<List<StaffAccount>>($"/api/identity/staff?q={Uri.EscapeDataString(q ?? "")}&organisation={Uri.EscapeDataString(organisation ?? "")}", ct);

    /// <summary>Creates the account, or changes its name, organisation, roles (and password, when given).</summary>
    public Task<StaffAccount> SaveStaffAsync(string userName, StaffAccountChange change, CancellationToken ct = default) =>
        SendAsync<StaffAccount>(HttpMethod.Put, $"/api/identity/users/{Uri.EscapeDataString(userName)}", change, ct);

    public Task<TotpReset> ResetTotpAsync(string userName, CancellationToken ct = default) =>
        SendAsync<TotpReset>(HttpMethod.Post, $"/api/identity/staff/{Uri.EscapeDataString(userName)}/totp-reset", null, ct);

    public Task<List<SystemClient>> SystemClientsAsync(CancellationToken ct = default) => GetAsync<List<SystemClient>>("/api/identity/clients", ct);

    public Task<RotatedSecret> RotateSecretAsync(string clientId, CancellationToken ct = default) =>
        SendAsync<RotatedSecret>(HttpMethod.Post, $"/api/identity/clients/{Uri.EscapeDataString(clientId)}/secret", null, ct);

    /// <summary>Registers the JWKS text as it is (the API parses it and names what is wrong).</summary>
    public Task<SystemClient> SetKeysAsync(string clientId, string jwks, CancellationToken ct = default) =>
        SendAsync<SystemClient>(HttpMethod.Put, $"/api/identity/clients/{Uri.EscapeDataString(clientId)}/keys",
            new StringContent(jwks, System.Text.Encoding.UTF8, "application/json"), ct);
}

public sealed record OrganisationInfo(string RegionCode, string Code, string Name, string Kind, string? CreditCode);

public sealed record NewOrganisation(string? Code, string? Name, string? Kind, string? CreditCode);

public sealed record StaffAccount(string Id, string UserName, string DisplayName, string Kind, string RegionCode, string? OrganisationCode,
    bool RealNameVerified, IReadOnlyList<string> Roles, string? Mobile = null);

public sealed record StaffAccountChange(string? DisplayName, string? Password, List<string> Roles, string? OrganisationCode);

public sealed record TotpReset(string UserName, string SharedKey, string AuthenticatorUri);

public sealed record SystemClient(string ClientId, string? DisplayName, string OrganisationCode, string RegionCode, string Role, string SecretSource,
    DateTimeOffset? SecretChangedAt, DateTimeOffset? PreviousSecretValidUntil, IReadOnlyList<string> KeyIds);

public sealed record RotatedSecret(string ClientId, string Secret, DateTimeOffset PreviousSecretValidUntil);

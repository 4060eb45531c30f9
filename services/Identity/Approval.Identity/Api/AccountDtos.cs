namespace Approval.Identity.Api;

/// <summary>Registration of a person (kind "person", resident ID number) or an enterprise (kind "enterprise", credit code).</summary>
public sealed record RegisterRequest(string? Kind, string? Name, string? Number, string? UserName, string? Password);

public sealed record LoginRequest(string? UserName, string? Password);

public sealed record AccountDto(
    string Id, string UserName, string DisplayName, string Kind, string RegionCode, string? OrganisationCode,
    bool RealNameVerified, IReadOnlyList<string> Roles);

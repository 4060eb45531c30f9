namespace Approval.Identity.Api;

/// <summary>
/// Registration of a person (kind "person", resident ID number) or an enterprise (kind "enterprise", credit code); the
/// optional mobile number (手机号码) goes into the tokens as phone_number, where SMS notices are sent.
/// </summary>
public sealed record RegisterRequest(string? Kind, string? Name, string? Number, string? UserName, string? Password, string? Mobile = null);

public sealed record LoginRequest(string? UserName, string? Password);

public sealed record AccountDto(
    string Id, string UserName, string DisplayName, string Kind, string RegionCode, string? OrganisationCode,
    bool RealNameVerified, IReadOnlyList<string> Roles, string? Mobile = null);

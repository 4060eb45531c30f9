namespace Approval.Identity.Api;

public sealed record OrganisationDto(string RegionCode, string Code, string Name, string Kind, string? CreditCode);

public sealed record CreateOrganisationRequest(string? RegionCode, string? Code, string? Name, string? Kind, string? CreditCode);

/// <summary>Creates or updates an account by user name: display name, password, roles, organisation and region.</summary>
public sealed record UpsertUserRequest(string? DisplayName, string? Password, List<string>? Roles, string? OrganisationCode, string? RegionCode);

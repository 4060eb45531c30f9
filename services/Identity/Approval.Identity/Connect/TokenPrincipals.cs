using Approval.Identity.Domain;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Approval.Identity.Connect;

/// <summary>
/// Builds the principal a token is issued for: sub, name, org, role(s), region, phone_number (if registered) and real_name_number
/// (a person's or enterprise's ID number / credit code), in the access and identity tokens.
/// </summary>
public sealed class TokenPrincipals(UserManager<ApprovalUser> users)
{
    public const string Scheme = "OpenIddict.Server.AspNetCore";

    public async Task<ClaimsPrincipal> ForUserAsync(ApprovalUser user, IEnumerable<string> scopes)
    {
        var identity = NewIdentity();
        identity.SetClaim(ApprovalClaims.Subject, user.Id)
            .SetClaim(ApprovalClaims.Name, user.DisplayName)
            .SetClaim(ApprovalClaims.Region, user.RegionCode)
            .SetClaim(ApprovalClaims.Organisation, user.OrganisationCode)
            .SetClaim(ApprovalClaims.PhoneNumber, user.PhoneNumber)
            // The credit code / ID number of a person or enterprise account, so other services match holders by identity.
            .SetClaim(ApprovalClaims.RealNameNumber, user.Kind is AccountKind.Person or AccountKind.Enterprise ? user.RealNameNumber : null)
            .SetClaims(ApprovalClaims.Role, [.. await users.GetRolesAsync(user)]);
        return Finish(identity, scopes);
    }

    /// <summary>An organisation's system signing in with client credentials acts for its organisation, in its client's one role.</summary>
    public static ClaimsPrincipal ForClient(string clientId, string name, string organisation, string region, string role, IEnumerable<string> scopes)
    {
        var identity = NewIdentity();
        identity.SetClaim(ApprovalClaims.Subject, clientId)
            .SetClaim(ApprovalClaims.Name, name)
            .SetClaim(ApprovalClaims.Region, region)
            .SetClaim(ApprovalClaims.Organisation, organisation)
            .SetClaims(ApprovalClaims.Role, [role]);
        return Finish(identity, scopes);
    }

    private static ClaimsIdentity NewIdentity() =>
        new(Scheme, ApprovalClaims.Name, ApprovalClaims.Role);

    private static ClaimsPrincipal Finish(ClaimsIdentity identity, IEnumerable<string> scopes)
    {
        var principal = new ClaimsPrincipal(identity);
        principal.SetScopes(scopes);
        principal.SetResources(IdentityExtensions.Audience);
        principal.SetDestinations(_ => [Destinations.AccessToken, Destinations.IdentityToken]);
        return principal;
    }
}

using System.Security.Claims;

namespace Approval.ServiceDefaults.Identity;

/// <summary>Reads who is acting from the principal, whichever scheme authenticated it.</summary>
public static class ApprovalClaims
{
    public const string Organisation = "org";

    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("principal without a subject");

    public static string DisplayName(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Name) ?? user.UserId();

    public static string? OrganisationCode(this ClaimsPrincipal user) => user.FindFirstValue(Organisation);
}

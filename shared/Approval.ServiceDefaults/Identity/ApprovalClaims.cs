using System.Security.Claims;

namespace Approval.ServiceDefaults.Identity;

/// <summary>Reads who is acting from the principal. Token claim names: sub, name, org, role, region.</summary>
public static class ApprovalClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Organisation = "org";
    public const string Role = "role";
    public const string Region = "region";
    /// <summary>The mobile number given at registration: Intake records it on the application for SMS notices.</summary>
    public const string PhoneNumber = "phone_number";

    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(Subject) ?? user.FindFirstValue(ClaimTypes.NameIdentifier)
        ?? throw new InvalidOperationException("principal without a subject");

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(Name) ?? user.FindFirstValue(ClaimTypes.Name) ?? user.UserId();

    public static string? OrganisationCode(this ClaimsPrincipal user) => user.FindFirstValue(Organisation);

    /// <summary>The region (行政区划代码) the user belongs to; a region's data never reaches another region's users.</summary>
    public static string? RegionCode(this ClaimsPrincipal user) => user.FindFirstValue(Region);

    /// <summary>True when the object's region is the user's region.</summary>
    public static bool InRegion(this ClaimsPrincipal user, string regionCode) => user.RegionCode() == regionCode;
}

using System.Security.Claims;

namespace Approval.ServiceDefaults.Identity;

/// <summary>Reads who is acting from the principal. Token claim names: sub, name, org, role, region, phone_number, real_name_number.</summary>
public static class ApprovalClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Organisation = "org";
    public const string Role = "role";
    public const string Region = "region";
    /// <summary>The mobile number given at registration: Intake records it on the application for SMS notices.</summary>
    public const string PhoneNumber = "phone_number";
    /// <summary>
    /// The verified real-name number of a person or enterprise account (居民身份证号码 / 统一社会信用代码); absent for staff
    /// and machine clients. With the subject, it is what a licence holder is matched by — never the display name.
    /// </summary>
    public const string RealNameNumber = "real_name_number";

    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(Subject) ?? user.FindFirstValue(ClaimTypes.NameIdentifier)
        ?? throw new InvalidOperationException("principal without a subject");

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(Name) ?? user.FindFirstValue(ClaimTypes.Name) ?? user.UserId();

    /// <summary>The account's 统一社会信用代码 or 居民身份证号码 (null for staff and machine clients).</summary>
    public static string? CreditOrIdNumber(this ClaimsPrincipal user) => user.FindFirstValue(RealNameNumber);

    public static string? OrganisationCode(this ClaimsPrincipal user) => user.FindFirstValue(Organisation);

    /// <summary>The region (行政区划代码) the user belongs to; a region's data never reaches another region's users.</summary>
    public static string? RegionCode(this ClaimsPrincipal user) => user.FindFirstValue(Region);

    /// <summary>True when the object's region is the user's region.</summary>
    public static bool InRegion(this ClaimsPrincipal user, string regionCode) => user.RegionCode() == regionCode;
}

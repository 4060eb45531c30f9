using Microsoft.AspNetCore.Identity;

namespace Approval.Identity.Domain;

/// <summary>
/// An account: a real-name person (居民身份证号码), an enterprise (统一社会信用代码), or staff of an
/// organisation. Passwords, lockout and second factors are ASP.NET Core Identity's.
/// </summary>
public sealed class ApprovalUser : IdentityUser
{
    public required string DisplayName { get; set; }
    public required string RegionCode { get; set; }
    public AccountKind Kind { get; set; }
    /// <summary>Resident ID number (person) or unified social credit code (enterprise); null for staff.</summary>
    public string? RealNameNumber { get; set; }
    public bool RealNameVerified { get; set; }
    /// <summary>The organisation code (e.g. a department's ZJJ) for staff; null for the public.</summary>
    public string? OrganisationCode { get; set; }
}

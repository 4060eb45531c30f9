using Approval.Identity.Data;
using Approval.Identity.Domain;
using Microsoft.AspNetCore.Identity;

namespace Approval.Identity.Api;

/// <summary>
/// The region admin's staff accounts (工作人员账户): the list of its own region's staff with organisation and roles, and
/// 重置动态口令 — a new TOTP key for a staff member who lost their authenticator, shown to the admin this once. Only the
/// admin's own region: another region's account (or an account that is not staff) is a 404, as if it did not exist.
/// </summary>
public static class StaffApi
{
    /// <summary>The most accounts one list answers (narrow it with q).</summary>
    public const int MaxListed = 200;

    private const int MaxSearch = 100;

    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/identity/staff").WithTags("Organisations and accounts").RequireAuthorization(Roles.RegionAdmin);
        api.MapGet("/", List).WithSummary("The region's staff accounts with organisation and roles (q: user or display name, organisation: its code) / 本地区工作人员账户");
        api.MapPost("/{userName}/totp-reset", ResetTotp)
            .WithSummary("A new TOTP key for a staff account, shown once; the old authenticator stops working / 重置动态口令");
    }

    private static async Task<Ok<List<AccountDto>>> List(
        string? q, string? organisation, ClaimsPrincipal admin, IdentityDbContext db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Require(q is not { Length: > MaxSearch }, "q", $"is at most {MaxSearch} characters", $"检索词最多{MaxSearch}个字符");
        errors.Require(organisation is not { Length: > InputLimits.Code }, "organisation", $"is at most {InputLimits.Code} characters", $"机构编码最多{InputLimits.Code}个字符");
        errors.ThrowIfAny();
        var region = admin.RegionCode();
        var applicantRole = await db.Roles.AsNoTracking().Where(r => r.Name == Roles.Applicant).Select(r => r.Id).FirstOrDefaultAsync(ct);
        var accounts = db.Users.AsNoTracking().Where(u => u.RegionCode == region && u.Kind == AccountKind.Staff
            && !db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == applicantRole));
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            accounts = accounts.Where(u => u.UserName!.Contains(text) || u.DisplayName.Contains(text));
        }
        if (!string.IsNullOrWhiteSpace(organisation)) accounts = accounts.Where(u => u.OrganisationCode == organisation.Trim());
        var page = await accounts.OrderBy(u => u.OrganisationCode).ThenBy(u => u.UserName).Take(MaxListed).ToListAsync(ct);
        var ids = page.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(ct);
        return TypedResults.Ok(page.Select(u => new AccountDto(u.Id, u.UserName!, u.DisplayName, u.Kind.ToString().ToLowerInvariant(), u.RegionCode,
            u.OrganisationCode, u.RealNameVerified, roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order().ToList(), u.PhoneNumber)).ToList());
    }

    private static async Task<Ok<TotpResetDto>> ResetTotp(
        string userName, ClaimsPrincipal admin, UserManager<ApprovalUser> users, IAuditLog audit, CancellationToken ct)
    {
        var user = userName.Length > InputLimits.NewUserName ? null : await users.FindByNameAsync(userName);
        // staff: not an applicant, whatever its kind (accounts the admin API creates with the applicant role are Staff-kind)
        if (user is null || user.Kind != AccountKind.Staff || user.RegionCode != admin.RegionCode() || await users.IsInRoleAsync(user, Roles.Applicant))
        {
            if (user is not null) await audit.DenyAsync("account", userName, "TOTP reset of an account not of the admin's region's staff", ct, admin.RegionCode());
            throw new NotFoundException("Staff account 工作人员账户", userName);
        }
        // A new key (and a new security stamp): codes of the old authenticator fail from now on. The account stays
        // enrolled, so its next sign-in asks for a code of the new key, which the admin hands over out of band.
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        await users.ResetAccessFailedCountAsync(user);
        var key = (await users.GetAuthenticatorKeyAsync(user))!;
        await audit.RecordAsync(AuditActions.AccountChange, "account", user.Id, "TOTP key reset by the region admin", admin.RegionCode(), admin, ct);
        return TypedResults.Ok(new TotpResetDto(user.UserName!, key, StaffSecondFactor.AuthenticatorUri(user.UserName!, key)));
    }
}

/// <summary>The new TOTP shared key (base32) and its otpauth:// URI, shown to the admin this once.</summary>
public sealed record TotpResetDto(string UserName, string SharedKey, string AuthenticatorUri);

using Approval.Identity.Domain;
using Microsoft.AspNetCore.Identity;

namespace Approval.Identity.Api;

/// <summary>Creating accounts with roles, turning Identity's password errors into field errors.</summary>
public static class UserAccounts
{
    public static async Task CreateAsync(UserManager<ApprovalUser> users, ApprovalUser user, string password, IEnumerable<string> roles)
    {
        IdentityResult created;
        try { created = await users.CreateAsync(user, password); }
        catch (DbUpdateException) { throw new DuplicateAccountException(); } // the unique real-name number, lost in a race
        if (created.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateUserName))) throw new DuplicateAccountException();
        if (created.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidUserName)))
            throw ValidationException.For("userName", "may contain only letters, digits and - . _ @ +", "用户名只能包含字母、数字和 - . _ @ +");
        if (!created.Succeeded) throw PasswordProblem(created);
        var added = await users.AddToRolesAsync(user, roles);
        if (!added.Succeeded) throw new InvalidOperationException(string.Join("; ", added.Errors.Select(e => e.Description)));
    }

    public static ValidationException PasswordProblem(IdentityResult result) => new(new Dictionary<string, string[]>
    {
        ["password"] = result.Errors.Select(e => $"{e.Description} / 密码须至少8位，含大小写字母、数字和符号").ToArray(),
    });

    public static async Task<AccountDto> ToDtoAsync(UserManager<ApprovalUser> users, ApprovalUser u) => new(
        u.Id, u.UserName!, u.DisplayName, u.Kind.ToString().ToLowerInvariant(), u.RegionCode, u.OrganisationCode,
        u.RealNameVerified, [.. await users.GetRolesAsync(u)], u.PhoneNumber);
}

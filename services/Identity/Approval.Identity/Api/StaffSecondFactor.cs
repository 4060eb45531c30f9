using Approval.Identity.Domain;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Approval.Identity.Api;

/// <summary>
/// TOTP (RFC 6238) is required for every staff role. A staff account without an authenticator yet gets a
/// shared key after its password and finishes its first sign-in by proving a code from it.
/// </summary>
public static class StaffSecondFactor
{
    public static async Task<bool> IsStaffAsync(UserManager<ApprovalUser> users, ApprovalUser user) =>
        (await users.GetRolesAsync(user)).Any(Roles.Staff.Contains);

    /// <summary>Starts enrolment: remembers the half-signed-in user in the two-factor cookie and hands out the key.</summary>
    public static async Task<SecondFactorDto> BeginEnrolmentAsync(HttpContext http, UserManager<ApprovalUser> users, ApprovalUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        await http.SignInAsync(IdentityConstants.TwoFactorUserIdScheme,
            new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, user.Id)], IdentityConstants.TwoFactorUserIdScheme)));
        return new SecondFactorDto("totp-enrolment", key, AuthenticatorUri(user.UserName!, key!));
    }

    /// <summary>The otpauth:// URI an authenticator app reads (as a QR code or pasted) for the shared key.</summary>
    public static string AuthenticatorUri(string userName, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString($"Approval:{userName}")}?secret={key}&issuer=Approval&digits=6";

    /// <summary>Completes the sign-in with a code: enrols the authenticator on first use. False on a wrong code (counted for lockout).</summary>
    public static async Task<ApprovalUser?> CompleteAsync(SignInManager<ApprovalUser> signIn, UserManager<ApprovalUser> users, string code)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return null;
        if (user.TwoFactorEnabled)
            return (await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)).Succeeded ? user : null;
        if (await users.IsLockedOutAsync(user)) return null;
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            await users.AccessFailedAsync(user);
            return null;
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        await users.ResetAccessFailedCountAsync(user);
        await signIn.Context.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await signIn.SignInAsync(user, isPersistent: false);
        return user;
    }
}

using Approval.Identity.Domain;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Client.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;
using Approval.ServiceDefaults.Region;

namespace Approval.Identity.Federation;

/// <summary>
/// GET /api/identity/external/province starts the provincial sign-in; the provincial platform returns to
/// /callback/province, where the provincial account is linked on first use (a local applicant account, no
/// second registration) and found by its link afterwards; then the login cookie is set and the browser goes on
/// to returnUrl (typically /connect/authorize?…).
/// </summary>
public static class FederationEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/identity/external/province", Challenge).AllowAnonymous().WithTags("Accounts")
            .WithSummary("Sign in through the provincial platform / 通过省级政务服务平台登录");
        app.MapMethods("/" + ProvincialFederation.CallbackPath, ["GET", "POST"], Callback).AllowAnonymous().ExcludeFromDescription();
    }

    private static IResult Challenge(string? returnUrl)
    {
        var properties = new AuthenticationProperties { RedirectUri = returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") ? returnUrl : "/" };
        properties.Items[OpenIddictClientAspNetCoreConstants.Properties.ProviderName] = ProvincialFederation.Provider;
        return Results.Challenge(properties, [OpenIddictClientAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static async Task<IResult> Callback(
        HttpContext http, UserManager<ApprovalUser> users, SignInManager<ApprovalUser> signIn, DeploymentRegion home, IAuditLog audit)
    {
        var result = await http.AuthenticateAsync(OpenIddictClientAspNetCoreDefaults.AuthenticationScheme);
        var subject = result.Principal?.FindFirst(Claims.Subject)?.Value;
        if (!result.Succeeded || subject is null)
        {
            await audit.RecordAsync(AuditActions.SignInFailed, "account", null, "provincial sign-in failed", home.Code, null, http.RequestAborted);
            throw new RequestRefusedException(StatusCodes.Status401Unauthorized, "Sign-in failed / 登录失败",
                "The provincial platform did not confirm the sign-in.", "省级平台未确认登录。");
        }
        var user = await users.FindByLoginAsync(ProvincialFederation.Provider, subject) ?? await LinkAsync(users, home, audit, subject, result, http.RequestAborted);
        await signIn.SignInAsync(user, isPersistent: false);
        await audit.RecordAsync(AuditActions.SignIn, "account", user.Id, "provincial platform", user.RegionCode, null, http.RequestAborted);
        return Results.Redirect(result.Properties?.RedirectUri ?? "/");
    }

    /// <summary>First sign-in: the provincial platform already verified the person, so the local account is verified too.</summary>
    private static async Task<ApprovalUser> LinkAsync(
        UserManager<ApprovalUser> users, DeploymentRegion home, IAuditLog audit, string subject, AuthenticateResult result, CancellationToken ct)
    {
        var name = result.Principal!.FindFirst(Claims.Name)?.Value ?? subject;
        var user = new ApprovalUser
        {
            UserName = $"{ProvincialFederation.Provider}-{subject}", DisplayName = name, RegionCode = home.Code,
            Kind = AccountKind.Person, RealNameVerified = true,
        };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, Roles.Applicant);
        await users.AddLoginAsync(user, new UserLoginInfo(ProvincialFederation.Provider, subject, "省级政务服务平台"));
        await audit.RecordAsync(AuditActions.AccountChange, "account", user.Id, $"linked to provincial account {subject}", home.Code, null, ct);
        return user;
    }
}

using System.Text.Json;
using Approval.Identity.Domain;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Approval.Identity.Connect;

/// <summary>
/// The identity server's sign-in session (the login cookie) and what was issued from it. Each password sign-in gets a
/// session id (claim "sid" in the cookie); every authorize request made with that cookie records its authorization
/// under that id, so signing out (the end-session endpoint, or POST /api/identity/logout) ends the cookie and revokes
/// exactly the authorizations — and with them the refresh tokens — of that session, not the account's other devices.
/// </summary>
public static class IdentitySessions
{
    public const string SessionClaim = "sid";

    /// <summary>The audit action of a sign-out (next to AuditActions.SignIn).</summary>
    public const string SignOutAction = "sign-out";

    /// <summary>Adds a fresh session id to every sign-in principal of the login cookie.</summary>
    public sealed class PrincipalFactory(UserManager<ApprovalUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
        : UserClaimsPrincipalFactory<ApprovalUser, IdentityRole>(users, roles, options)
    {
        protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApprovalUser user)
        {
            var identity = await base.GenerateClaimsAsync(user);
            identity.AddClaim(new Claim(SessionClaim, Guid.NewGuid().ToString("N")));
            return identity;
        }
    }

    /// <summary>The cookie's periodic security-stamp refresh keeps the session id it had.</summary>
    public static Task KeepSessionId(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.CurrentPrincipal?.FindFirst(SessionClaim) is { } sid && context.NewPrincipal?.Identity is ClaimsIdentity identity)
        {
            foreach (var fresh in identity.FindAll(SessionClaim).ToList()) identity.RemoveClaim(fresh);
            identity.AddClaim(new Claim(SessionClaim, sid.Value));
        }
        return Task.CompletedTask;
    }

    /// <summary>Creates the authorization this authorize request's tokens hang on, marked with the session id.</summary>
    public static async Task BindAsync(
        ClaimsPrincipal principal, string? sessionId, string userId, OpenIddictRequest request,
        IOpenIddictApplicationManager applications, IOpenIddictAuthorizationManager authorizations, TimeProvider clock, CancellationToken ct)
    {
        if (sessionId is null || await applications.FindByClientIdAsync(request.ClientId!, ct) is not { } application) return;
        var descriptor = new OpenIddictAuthorizationDescriptor
        {
            ApplicationId = await applications.GetIdAsync(application, ct), Subject = userId, Principal = principal,
            Status = Statuses.Valid, Type = AuthorizationTypes.AdHoc, CreationDate = clock.GetUtcNow(),
        };
        descriptor.Scopes.UnionWith(principal.GetScopes());
        descriptor.Properties[SessionClaim] = JsonSerializer.SerializeToElement(sessionId);
        var authorization = await authorizations.CreateAsync(descriptor, ct);
        principal.SetAuthorizationId(await authorizations.GetIdAsync(authorization, ct));
    }

    /// <summary>Ends the session of this browser: revokes its authorizations and their tokens, then removes the cookies.</summary>
    public static async Task EndAsync(
        HttpContext http, IOpenIddictAuthorizationManager authorizations, IOpenIddictTokenManager tokens, CancellationToken ct)
    {
        var cookie = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var subject = cookie.Principal?.FindFirstValue(Claims.Subject);
        var sessionId = cookie.Principal?.FindFirstValue(SessionClaim);
        if (subject is not null && sessionId is not null)
        {
            var ended = new List<object>();
            await foreach (var authorization in authorizations.FindBySubjectAsync(subject, ct))
            {
                var properties = await authorizations.GetPropertiesAsync(authorization, ct);
                if (properties.TryGetValue(SessionClaim, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() == sessionId)
                    ended.Add(authorization);
            }
            foreach (var authorization in ended)
            {
                await authorizations.TryRevokeAsync(authorization, ct);
                await tokens.RevokeByAuthorizationIdAsync((await authorizations.GetIdAsync(authorization, ct))!, ct);
            }
        }
        await http.SignOutAsync(IdentityConstants.ApplicationScheme);
        await http.SignOutAsync(IdentityConstants.ExternalScheme);
        await http.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
    }
}

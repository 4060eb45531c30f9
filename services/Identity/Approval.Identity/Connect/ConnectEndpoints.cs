using System.Text.Json;
using Approval.Identity.Clients;
using Approval.Identity.Domain;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Approval.Identity.Connect;

/// <summary>
/// The OpenIddict endpoints the suite handles itself (passthrough): authorize (code + PKCE, for a user signed in with
/// the login cookie), token (code, refresh token, client credentials with a secret or private_key_jwt) and end session.
/// Discovery, JWKS and revocation are OpenIddict's own.
/// </summary>
public static class ConnectEndpoints
{
    public const string OrganisationProperty = ClientProperties.Organisation;
    public const string RegionProperty = ClientProperties.Region;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapMethods("/connect/authorize", ["GET", "POST"], Authorize).ExcludeFromDescription();
        app.MapPost("/connect/token", Token).ExcludeFromDescription();
        app.MapMethods("/connect/endsession", ["GET", "POST"], EndSession).ExcludeFromDescription();
    }

    private static async Task<IResult> Authorize(
        HttpContext http, UserManager<ApprovalUser> users, TokenPrincipals principals, IConfiguration configuration,
        IOpenIddictApplicationManager applications, IOpenIddictAuthorizationManager authorizations, TimeProvider clock)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("not an OpenID Connect request");
        var cookie = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var user = cookie.Succeeded ? await users.GetUserAsync(cookie.Principal!) : null;
        if (user is null || await users.IsLockedOutAsync(user)) return ToLoginPage(http, request, configuration);
        var principal = await principals.ForUserAsync(user, request.GetScopes());
        await IdentitySessions.BindAsync(principal, cookie.Principal!.FindFirst(IdentitySessions.SessionClaim)?.Value, user.Id, request,
            applications, authorizations, clock, http.RequestAborted);
        return Results.SignIn(principal, null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>
    /// RP-initiated logout (the portal's 退出 sends the browser here): ends the identity server's session and revokes what
    /// it issued, then returns to the validated post_logout_redirect_uri, or to the site's home page.
    /// </summary>
    private static async Task<IResult> EndSession(
        HttpContext http, IOpenIddictAuthorizationManager authorizations, IOpenIddictTokenManager tokens, IAuditLog audit)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("not an OpenID Connect request");
        var subject = (await http.AuthenticateAsync(IdentityConstants.ApplicationScheme)).Principal?.FindFirst(Claims.Subject)?.Value;
        await IdentitySessions.EndAsync(http, authorizations, tokens, http.RequestAborted);
        if (subject is not null) await audit.RecordAsync(IdentitySessions.SignOutAction, "account", subject, "signed out", null, null, http.RequestAborted);
        return string.IsNullOrEmpty(request.PostLogoutRedirectUri)
            ? Results.Redirect("/")
            : Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    /// <summary>
    /// Not signed in, or the login cookie expired: the browser goes to the login page (Approval:Identity:LoginPage, by
    /// default the portal's /account/login) with this authorize request as its ReturnUrl. The address is relative, so the
    /// browser stays on the origin it came through (the gateway), whatever this service's own address is.
    /// </summary>
    private static IResult ToLoginPage(HttpContext http, OpenIddictRequest request, IConfiguration configuration)
    {
        var parameters = request.GetParameters().Select(p => KeyValuePair.Create(p.Key, (string?)p.Value));
        var returnUrl = http.Request.PathBase + http.Request.Path + QueryString.Create(parameters);
        var loginPage = configuration["Approval:Identity:LoginPage"] is { Length: > 0 } page ? page : "/account/login";
        return Results.Redirect($"{loginPage}?ReturnUrl={Uri.EscapeDataString(returnUrl)}");
    }

    private static async Task<IResult> Token(
        HttpContext http, UserManager<ApprovalUser> users, TokenPrincipals principals, IOpenIddictApplicationManager applications, IAuditLog audit)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("not an OpenID Connect request");
        if (request.IsClientCredentialsGrantType())
        {
            var client = await applications.FindByClientIdAsync(request.ClientId!) ?? throw new InvalidOperationException("unknown client");
            var properties = await applications.GetPropertiesAsync(client);
            var name = await applications.GetDisplayNameAsync(client) ?? request.ClientId!;
            if (!properties.TryGetValue(OrganisationProperty, out var org) || !properties.TryGetValue(RegionProperty, out var region))
                return Refuse("This client acts for no organisation. 该客户端未关联机构。");
            // The client's one role (department, review-agency, intermediary or utility); never one it could not be seeded with.
            var role = properties.TryGetValue(ClientProperties.Role, out var r) ? Text(r) : Roles.Department;
            if (!SystemClients.IsSystemRole(role)) return Refuse("This client acts in no system role. 该客户端未关联业务系统角色。");
            return await IssueAsync(audit, TokenPrincipals.ForClient(request.ClientId!, name, Text(org), Text(region), role, request.GetScopes()), request, http.RequestAborted);
        }
        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var granted = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var user = await users.FindByIdAsync(granted.Principal?.GetClaim(Claims.Subject) ?? "");
            if (user is null || await users.IsLockedOutAsync(user)) return Refuse("The account is no longer allowed to sign in. 该账户已不能登录。");
            // Claims are read afresh, so a changed role or organisation reaches the next refreshed token.
            return await IssueAsync(audit, await principals.ForUserAsync(user, granted.Principal!.GetScopes()), request, http.RequestAborted);
        }
        return Results.Forbid(Error(Errors.UnsupportedGrantType, "The grant type is not supported."), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    /// <summary>Every token issue is audited: to whom, for which client, by which grant.</summary>
    private static async Task<IResult> IssueAsync(IAuditLog audit, ClaimsPrincipal principal, OpenIddictRequest request, CancellationToken ct)
    {
        await audit.RecordAsync(AuditActions.TokenIssued, "account", principal.GetClaim(Claims.Subject), $"{request.GrantType} for {request.ClientId}",
            principal.GetClaim("region"), principal, ct);
        return Results.SignIn(principal, null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static IResult Refuse(string description) =>
        Results.Forbid(Error(Errors.InvalidGrant, description), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

    private static AuthenticationProperties Error(string error, string description) => new(new Dictionary<string, string?>
    {
        [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
        [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
    });

    private static string Text(JsonElement e) => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText();
}

using System.Security.Claims;
using Approval.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Approval.Portal.Auth;

/// <summary>
/// Sign-in through the Identity service: authorization code + PKCE with the public client "approval-portal".
/// The session is a cookie holding the user's claims and access token (read from the access token itself, so the
/// portal sees exactly the roles and organisation the APIs see). The password step happens on /account/login,
/// which signs in at the Identity service (its login cookie) before the code flow starts.
/// </summary>
public static class PortalSignIn
{
    public const string ClientId = "approval-portal";
    public const string AccessTokenClaim = "access_token";
    public const string LoginPath = "/account/login";
    public const string EndSessionPath = "/connect/endsession";

    private static readonly string[] CopiedClaims =
        [ApprovalClaims.Subject, ApprovalClaims.Name, ApprovalClaims.Role, ApprovalClaims.Organisation, ApprovalClaims.Region];

    public static WebApplicationBuilder AddPortalSignIn(this WebApplicationBuilder builder)
    {
        var authority = IdentityExtensions.Authority(builder.Configuration);
        var auth = builder.Services.AddAuthentication(o =>
        {
            o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            o.DefaultChallengeScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            o.DefaultAuthenticateScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        });
        auth.AddCookie(o =>
        {
            o.Cookie.Name = "approval.portal";
            o.LoginPath = LoginPath;
            o.AccessDeniedPath = "/account/denied";
            // The session ends shortly before the access token in it does (Identity: 60 minutes by default).
            o.ExpireTimeSpan = TimeSpan.FromMinutes(builder.Configuration.GetValue("Approval:Portal:SessionMinutes", 55));
            o.SlidingExpiration = false;
        });
        auth.AddOpenIdConnect(o =>
        {
            o.Authority = authority;
            o.ClientId = ClientId;
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.UsePkce = true;
            o.RequireHttpsMetadata = false;
            o.MapInboundClaims = false;
            o.SaveTokens = false;
            o.GetClaimsFromUserInfoEndpoint = false;
            o.Scope.Clear();
            foreach (var scope in new[] { "openid", "profile", "roles" }) o.Scope.Add(scope);
            o.TokenValidationParameters.NameClaimType = ApprovalClaims.Name;
            o.TokenValidationParameters.RoleClaimType = ApprovalClaims.Role;
            // Plain http on loopback: correlation and nonce cookies must not demand https.
            o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.CorrelationCookie.SameSite = SameSiteMode.Lax;
            o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.NonceCookie.SameSite = SameSiteMode.Lax;
            o.Events.OnRedirectToIdentityProvider = context =>
            {
                // The browser reaches the authorize endpoint through the gateway (the portal's own origin), where the
                // Identity service's login cookie from /account/login lives; the back channel uses the service address.
                var request = context.Request;
                context.ProtocolMessage.IssuerAddress = $"{request.Scheme}://{request.Host}{request.PathBase}/connect/authorize";
                return Task.CompletedTask;
            };
            o.Events.OnTokenValidated = context =>
            {
                var accessToken = context.TokenEndpointResponse?.AccessToken;
                if (string.IsNullOrEmpty(accessToken))
                {
                    context.Fail("no access token in the token response");
                    return Task.CompletedTask;
                }
                context.Principal = SessionPrincipal(accessToken, context.Principal!.Identity!.AuthenticationType);
                return Task.CompletedTask;
            };
        });
        builder.Services.AddAuthorization();
        builder.Services.AddCascadingAuthenticationState();
        return builder;
    }

    /// <summary>The session's principal: the access token's claims (sub, name, role, org, region) and the token itself.</summary>
    public static ClaimsPrincipal SessionPrincipal(string accessToken, string? authenticationType)
    {
        var token = new JsonWebToken(accessToken);
        var identity = new ClaimsIdentity(authenticationType, ApprovalClaims.Name, ApprovalClaims.Role);
        identity.AddClaims(token.Claims.Where(c => CopiedClaims.Contains(c.Type)).Select(c => new Claim(c.Type, c.Value)));
        identity.AddClaim(new Claim(AccessTokenClaim, accessToken));
        return new ClaimsPrincipal(identity);
    }

    /// <summary>
    /// /account/signin starts the code flow (after the password step); /account/signout ends the portal session and then
    /// sends the browser to the identity server's end-session endpoint (on the same origin, through the gateway), which
    /// ends its login session too and revokes the tokens issued from it, so the next person at a shared PC starts at
    /// the login page (issue 13). The endpoint returns the browser to the home page.
    /// </summary>
    public static void MapSignInEndpoints(this WebApplication app)
    {
        app.MapGet("/account/signin", (string? returnUrl) => Results.Challenge(
            new AuthenticationProperties { RedirectUri = LocalOrHome(returnUrl) }, [OpenIdConnectDefaults.AuthenticationScheme]))
            .AllowAnonymous();
        app.MapGet("/account/signout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect($"{http.Request.PathBase}{EndSessionPath}");
        }).AllowAnonymous();
    }

    /// <summary>Only local addresses: a sign-in never sends the browser to another site.</summary>
    public static string LocalOrHome(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//") && !url.StartsWith("/\\") ? url : "/";
}

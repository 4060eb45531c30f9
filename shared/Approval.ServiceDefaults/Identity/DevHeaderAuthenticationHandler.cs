using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Approval.ServiceDefaults.Identity;

/// <summary>
/// DEV-ONLY identity: trusts the X-Dev-User, X-Dev-Roles and X-Dev-Org headers. It exists so the
/// walking skeleton can be driven before the Identity service (OIDC, issue 3) replaces it; it is
/// registered only when Approval:DevIdentity is true, which only the local AppHost and tests set.
/// X-Dev-Name may carry a URL-encoded display name (headers are ASCII).
/// </summary>
public sealed class DevHeaderAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "DevHeader";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var user = Request.Headers["X-Dev-User"].ToString();
        if (string.IsNullOrWhiteSpace(user)) return Task.FromResult(AuthenticateResult.NoResult());

        var name = Uri.UnescapeDataString(Request.Headers["X-Dev-Name"].ToString());
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user),
            new(ClaimTypes.Name, string.IsNullOrWhiteSpace(name) ? user : name),
        };
        var org = Request.Headers["X-Dev-Org"].ToString();
        if (!string.IsNullOrWhiteSpace(org)) claims.Add(new Claim(ApprovalClaims.Organisation, org));
        foreach (var role in Request.Headers["X-Dev-Roles"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            claims.Add(new Claim(ClaimTypes.Role, role));
        }
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}

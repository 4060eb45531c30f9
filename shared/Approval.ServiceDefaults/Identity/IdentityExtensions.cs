using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Approval.ServiceDefaults.Identity;

public static class IdentityExtensions
{
    /// <summary>Authentication and the role policies. Until issue 3 the only scheme is the dev-only header scheme.</summary>
    public static IHostApplicationBuilder AddApprovalIdentity(this IHostApplicationBuilder builder)
    {
        var auth = builder.Services.AddAuthentication(DevHeaderAuthenticationHandler.SchemeName);
        if (builder.Configuration.GetValue<bool>("Approval:DevIdentity"))
        {
            auth.AddScheme<AuthenticationSchemeOptions, DevHeaderAuthenticationHandler>(DevHeaderAuthenticationHandler.SchemeName, null);
        }
        else
        {
            // No identity provider yet: every protected endpoint answers 401 rather than trusting headers.
            auth.AddScheme<AuthenticationSchemeOptions, RejectAllAuthenticationHandler>(DevHeaderAuthenticationHandler.SchemeName, null);
        }
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Roles.Applicant, p => p.RequireRole(Roles.Applicant))
            .AddPolicy(Roles.Window, p => p.RequireRole(Roles.Window))
            .AddPolicy(Roles.Department, p => p.RequireRole(Roles.Department).RequireClaim(ApprovalClaims.Organisation));
        return builder;
    }
}

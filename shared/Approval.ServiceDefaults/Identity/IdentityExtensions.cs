using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Approval.ServiceDefaults.Identity;

public static class IdentityExtensions
{
    /// <summary>The audience every access token of the suite is issued for.</summary>
    public const string Audience = "approval-api";

    /// <summary>
    /// Bearer tokens from the Identity service (JwtBearer; keys from its discovery document) and the role
    /// policies. The authority is Approval:Identity:Authority, else the "identity" service's address from
    /// service discovery. Without either, nobody is authenticated (every protected endpoint answers 401).
    /// </summary>
    public static IHostApplicationBuilder AddApprovalIdentity(this IHostApplicationBuilder builder)
    {
        var authority = Authority(builder.Configuration);
        var auth = builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme);
        if (authority is not null)
        {
            auth.AddJwtBearer(o =>
            {
                o.Authority = authority;
                o.Audience = Audience;
                o.RequireHttpsMetadata = false;
                o.MapInboundClaims = false;
                o.TokenValidationParameters.NameClaimType = ApprovalClaims.Name;
                o.TokenValidationParameters.RoleClaimType = ApprovalClaims.Role;
                var issuer = builder.Configuration["Approval:Identity:Issuer"];
                if (!string.IsNullOrWhiteSpace(issuer)) o.TokenValidationParameters.ValidIssuer = issuer;
            });
        }
        else
        {
            auth.AddScheme<AuthenticationSchemeOptions, RejectAllAuthenticationHandler>(JwtBearerDefaults.AuthenticationScheme, null);
        }
        var policies = builder.Services.AddAuthorizationBuilder();
        foreach (var role in Roles.All) policies.AddPolicy(role, p => p.RequireRole(role));
        policies.AddPolicy(Roles.Department, p => p.RequireRole(Roles.Department).RequireClaim(ApprovalClaims.Organisation));
        policies.AddPolicy(AuditReaders, p => p.RequireRole(Roles.Supervisor, Roles.RegionAdmin));
        return builder;
    }

    /// <summary>Supervisors and region admins read the audit log.</summary>
    public const string AuditReaders = "audit-readers";

    public static string? Authority(IConfiguration configuration)
    {
        var configured = configuration["Approval:Identity:Authority"];
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        var discovered = configuration["services:identity:http:0"];
        return string.IsNullOrWhiteSpace(discovered) ? null : discovered;
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.ServiceDefaults.Audit;

/// <summary>A 403 from a role policy (an authenticated caller without the role) is a permission denial: audit it, then answer as usual.</summary>
public sealed class AuditingAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler inner = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (result.Forbidden && context.RequestServices.GetService<IAuditLog>() is { } audit)
        {
            var roles = string.Join(",", policy.Requirements.OfType<Microsoft.AspNetCore.Authorization.Infrastructure.RolesAuthorizationRequirement>()
                .SelectMany(r => r.AllowedRoles));
            await audit.DenyAsync("endpoint", $"{context.Request.Method} {context.Request.Path}", $"role required: {roles}", context.RequestAborted);
        }
        await inner.HandleAsync(next, context, policy, result);
    }
}

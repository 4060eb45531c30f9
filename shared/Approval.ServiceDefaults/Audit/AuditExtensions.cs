using Approval.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using System.Security.Claims;

namespace Approval.ServiceDefaults.Audit;

public static class AuditExtensions
{
    /// <summary>The audit log of a service, kept in its own database context (which must call AddAuditRecords).</summary>
    public static IHostApplicationBuilder AddAuditLog<TContext>(this IHostApplicationBuilder builder) where TContext : DbContext
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<IAuditLog, AuditLog<TContext>>();
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuditingAuthorizationResultHandler>();
        return builder;
    }

    /// <summary>GET {path}: the service's audit records of the reader's region, newest first; supervisors and region admins only. Read-only. GET {path}/verify: the whole chain re-computed (<see cref="AuditChainVerifier"/>).</summary>
    public static IEndpointRouteBuilder MapAuditApi<TContext>(this IEndpointRouteBuilder app, string path) where TContext : DbContext
    {
        app.MapGet(path, async (string? objectId, string? action, int? take, ClaimsPrincipal user, TContext db, CancellationToken ct) =>
            {
                var region = user.RegionCode();
                var query = db.Set<AuditRecord>().AsNoTracking().Where(r => r.Region == region);
                if (!string.IsNullOrWhiteSpace(objectId)) query = query.Where(r => r.ObjectId == objectId);
                if (!string.IsNullOrWhiteSpace(action)) query = query.Where(r => r.Action == action);
                return TypedResults.Ok(await query.OrderByDescending(r => r.OccurredAt).Take(Math.Clamp(take ?? 100, 1, 500)).ToListAsync(ct));
            })
            .RequireAuthorization(IdentityExtensions.AuditReaders)
            .WithTags("Audit").WithSummary("Audit log (append-only) / 审计日志");
        app.MapGet($"{path.TrimEnd('/')}/verify", (TContext db, CancellationToken ct) => AuditChainVerifier.VerifyAsync(db, ct))
            .RequireAuthorization(IdentityExtensions.AuditReaders)
            .WithTags("Audit").WithSummary("Verify the audit log's hash chain; names the first broken record / 校验审计日志哈希链");
        return app;
    }
}

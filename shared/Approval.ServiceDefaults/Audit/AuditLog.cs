using System.Diagnostics;
using System.Security.Claims;
using Approval.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

namespace Approval.ServiceDefaults.Audit;

/// <summary>The audit log over the service's DbContext (the scoped instance its handlers and consumers use).</summary>
public sealed class AuditLog<TContext>(TContext db, IHttpContextAccessor http, TimeProvider clock, IHostEnvironment environment) : IAuditLog
    where TContext : DbContext
{
    public void Add(string action, string? objectType, string? objectId, string? outcome, string? region = null, ClaimsPrincipal? actor = null)
    {
        var context = http.HttpContext;
        var user = actor ?? context?.User;
        var authenticated = user?.Identity?.IsAuthenticated == true || actor is not null;
        var now = clock.GetUtcNow();
        db.Set<AuditRecord>().Add(new AuditRecord
        {
            Id = Guid.CreateVersion7(now), OccurredAt = now, Service = environment.ApplicationName, Action = action,
            ObjectType = Clean(objectType, 100), ObjectId = Clean(objectId, 200), Outcome = Clean(outcome, 500),
            ActorId = authenticated ? user!.FindFirstValue(ApprovalClaims.Subject) : null,
            ActorName = authenticated ? user!.FindFirstValue(ApprovalClaims.Name) : null,
            Organisation = authenticated ? user!.OrganisationCode() : null,
            Region = region ?? (authenticated ? user!.RegionCode() : null),
            RemoteAddress = context?.Connection.RemoteIpAddress?.ToString(),
            TraceId = Activity.Current?.TraceId.ToString(),
        });
    }

    public async Task DenyAsync(string? objectType, string? objectId, string outcome, CancellationToken ct, string? region = null)
    {
        Add(AuditActions.AccessDenied, objectType, objectId, outcome, region);
        await db.SaveChangesAsync(ct);
    }

    public async Task RecordAsync(string action, string? objectType, string? objectId, string? outcome, string? region, ClaimsPrincipal? actor, CancellationToken ct)
    {
        Add(action, objectType, objectId, outcome, region, actor);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// What a caller sent (an id in a refused request may be anything) stored so the record is always written: NUL, which
    /// PostgreSQL text refuses, as U+FFFD, and cut to <paramref name="max"/> characters, within the indexed columns' limit.
    /// </summary>
    private static string? Clean(string? text, int max)
    {
        if (text is null) return null;
        if (text.Contains('\0')) text = text.Replace('\0', '\uFFFD');
        return text.Length > max ? text[..max] : text;
    }
}

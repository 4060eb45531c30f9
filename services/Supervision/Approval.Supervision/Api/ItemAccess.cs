using Approval.Supervision.Data;
using Approval.Supervision.Domain;

namespace Approval.Supervision.Api;

/// <summary>An item clock the caller may see: in their region, and in their department for a lead; else 404 (audited).</summary>
public static class ItemAccess
{
    public static async Task<ItemClock> FindAsync(SupervisionDbContext db, IAuditLog audit, Guid id, SupervisionScope scope, CancellationToken ct)
    {
        var item = await db.Items.FirstOrDefaultAsync(i => i.Id == id, ct) ?? throw new NotFoundException("Item clock 事项时限", id.ToString());
        if (scope.Sees(item.RegionCode, item.DepartmentCode)) return item;
        await audit.DenyAsync("item-clock", id.ToString(), "outside the caller's region or department", ct, item.RegionCode);
        throw new NotFoundException("Item clock 事项时限", id.ToString());
    }
}

/// <summary>
/// Records each department lead who uses the API (user id, department, name), so 预警/逾期 and 督办 reach the leads of
/// the department (Identity publishes no staff directory; docs/supervision.md).
/// </summary>
public sealed class LeadDirectoryFilter(SupervisionDbContext db, TimeProvider clock) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var user = context.HttpContext.User;
        if (user.IsInRole(Roles.DepartmentLead) && user.OrganisationCode() is { } department && user.RegionCode() is { } region)
        {
            // One statement, so two first requests of the same lead at once cannot collide.
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO department_leads ("UserId", "RegionCode", "DepartmentCode", "Name", "SeenAt")
                VALUES ({user.UserId()}, {region}, {department}, {user.DisplayName()}, {clock.GetUtcNow()})
                ON CONFLICT ("UserId") DO UPDATE SET "RegionCode" = excluded."RegionCode", "DepartmentCode" = excluded."DepartmentCode",
                  "Name" = excluded."Name", "SeenAt" = excluded."SeenAt"
                """, context.HttpContext.RequestAborted);
        }
        return await next(context);
    }
}

/// <summary>
/// Records each supervisor who uses the API (user id, region, name), so overdue rectifications and escalated complaints reach
/// the region's supervisors (as <see cref="LeadDirectoryFilter"/> does for leads).
/// </summary>
public sealed class SupervisorDirectoryFilter(SupervisionDbContext db, TimeProvider clock) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var user = context.HttpContext.User;
        if (user.IsInRole(Roles.Supervisor) && user.RegionCode() is { } region)
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO supervisors ("UserId", "RegionCode", "Name", "SeenAt")
                VALUES ({user.UserId()}, {region}, {user.DisplayName()}, {clock.GetUtcNow()})
                ON CONFLICT ("UserId") DO UPDATE SET "RegionCode" = excluded."RegionCode", "Name" = excluded."Name", "SeenAt" = excluded."SeenAt"
                """, context.HttpContext.RequestAborted);
        }
        return await next(context);
    }
}

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
            var id = user.UserId();
            var lead = await db.Leads.FindAsync([id], context.HttpContext.RequestAborted);
            if (lead is null) db.Leads.Add(lead = new DepartmentLead { UserId = id, RegionCode = region, DepartmentCode = department, Name = user.DisplayName() });
            (lead.RegionCode, lead.DepartmentCode, lead.Name, lead.SeenAt) = (region, department, user.DisplayName(), clock.GetUtcNow());
            await db.SaveChangesAsync(context.HttpContext.RequestAborted);
            db.ChangeTracker.Clear();
        }
        return await next(context);
    }
}

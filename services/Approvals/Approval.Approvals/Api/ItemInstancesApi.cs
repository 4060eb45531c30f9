using System.Security.Claims;
using Approval.Approvals.Data;
using Approval.Approvals.Domain;
using Approval.Contracts;
using Approval.Contracts.Errors;
using Approval.ServiceDefaults.Audit;
using Approval.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Approval.Approvals.Api;

/// <summary>A department's work on the item instances routed to it. A department sees only its own.</summary>
public static class ItemInstancesApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/approvals/items").WithTags("Item instances").RequireAuthorization(Roles.Department);
        api.MapGet("/", List).WithSummary("Items routed to my department / 本部门待办事项");
        api.MapGet("/{id:guid}", Get).WithSummary("One item instance / 事项实例");
        api.MapGet("/{id:guid}/steps", Steps).WithSummary("Its process steps / 办理过程");
        api.MapPost("/{id:guid}/start", Start).WithSummary("部门开始办理");
        api.MapPost("/{id:guid}/conclude", Conclude).WithSummary("办结（通过）/（不通过）");
    }

    private static async Task<Ok<List<ItemInstanceDto>>> List(int? status, Guid? applicationId, ClaimsPrincipal user, ApprovalsDbContext db, CancellationToken ct)
    {
        var (department, region) = (user.OrganisationCode(), user.RegionCode());
        var query = db.Items.AsNoTracking().Where(i => i.DepartmentCode == department && i.RegionCode == region);
        if (status is not null) query = query.Where(i => (int)i.Status == status);
        if (applicationId is not null) query = query.Where(i => i.ApplicationId == applicationId);
        var items = await query.OrderBy(i => i.AcceptedAt).Take(200).ToListAsync(ct);
        return TypedResults.Ok(items.Select(ToDto).ToList());
    }

    private static async Task<Ok<ItemInstanceDto>> Get(Guid id, ClaimsPrincipal user, ApprovalsDbContext db, IAuditLog audit, CancellationToken ct) =>
        TypedResults.Ok(ToDto(await FindOwnAsync(db, id, user, audit, ct)));

    private static async Task<Ok<List<ItemStepDto>>> Steps(Guid id, ClaimsPrincipal user, ApprovalsDbContext db, IAuditLog audit, CancellationToken ct)
    {
        await FindOwnAsync(db, id, user, audit, ct);
        return TypedResults.Ok(await db.Steps.AsNoTracking().Where(s => s.ItemInstanceId == id).OrderBy(s => s.OccurredAt).ThenBy(s => s.Id)
            .Select(s => new ItemStepDto(s.StatusCode, s.StatusName, s.Actor, s.Organisation, s.Opinion, s.OccurredAt)).ToListAsync(ct));
    }

    private static async Task<Ok<ItemInstanceDto>> Start(Guid id, StartRequest? request, ClaimsPrincipal user, ApprovalsDbContext db, TimeProvider clock, IAuditLog audit, CancellationToken ct)
    {
        var item = await FindOwnAsync(db, id, user, audit, ct);
        item.Start(clock.GetUtcNow());
        db.RecordTransition(item, user.DisplayName(), item.DepartmentName, request?.Opinion?.Trim(), clock, audit);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToDto(item));
    }

    private static async Task<Ok<ItemInstanceDto>> Conclude(Guid id, ConcludeRequest request, ClaimsPrincipal user, ApprovalsDbContext db, TimeProvider clock, IAuditLog audit, CancellationToken ct)
    {
        if (request.Approved is null) throw ValidationException.For("approved", "is required (true or false)", "必须说明是否通过");
        var item = await FindOwnAsync(db, id, user, audit, ct);
        item.Conclude(request.Approved.Value, request.Opinion, clock.GetUtcNow());
        db.RecordTransition(item, user.DisplayName(), item.DepartmentName, item.Opinion, clock, audit);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToDto(item));
    }

    /// <summary>An item routed to another department, or of another region, answers 404, as if it did not exist.</summary>
    private static async Task<ItemInstance> FindOwnAsync(ApprovalsDbContext db, Guid id, ClaimsPrincipal user, IAuditLog audit, CancellationToken ct)
    {
        var item = await db.Items.FirstOrDefaultAsync(i => i.Id == id, ct) ?? throw new NotFoundException("Item instance 事项实例", id.ToString());
        if (item.DepartmentCode != user.OrganisationCode() || !user.InRegion(item.RegionCode))
        {
            await audit.DenyAsync("item-instance", id.ToString(), $"routed to {item.DepartmentCode} in {item.RegionCode}", ct, item.RegionCode);
            throw new NotFoundException("Item instance 事项实例", id.ToString());
        }
        return item;
    }

    private static ItemInstanceDto ToDto(ItemInstance i) => new(
        i.Id, i.ApplicationId, i.ProjectCode, i.ProjectName, i.ItemCode, i.ItemName, i.DepartmentCode, i.DepartmentName,
        i.TimeLimitWorkingDays, i.Status.Code(), i.Status.ChineseName(), i.Opinion, i.AcceptedAt, i.StartedAt, i.ConcludedAt);
}

using Approval.Calendar;
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

/// <summary>A department's work on the item instances routed to it (R-7.4, R-7.5). A department sees only its own.</summary>
public static class ItemInstancesApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/approvals/items").WithTags("Item instances").RequireAuthorization(Roles.Department);
        api.MapGet("/", List).WithSummary("Items routed to my department / 本部门待办事项");
        api.MapGet("/{id:guid}", Get).WithSummary("One item instance / 事项实例");
        api.MapGet("/{id:guid}/steps", Steps).WithSummary("Its process steps / 办理过程");
        api.MapPost("/{id:guid}/start", Start).WithSummary("部门开始办理");
        api.MapPost("/{id:guid}/conclude", Conclude).WithSummary("办结（通过）/（容缺通过）/（不通过）");
        api.MapPost("/{id:guid}/special-procedures", StartSpecialProcedure).WithSummary("特别程序（开始）: the clock pauses");
        api.MapPost("/{id:guid}/special-procedures/end", EndSpecialProcedure).WithSummary("特别程序（结束）: the clock resumes");
    }

    private static async Task<Ok<List<ItemInstanceDto>>> List(int? status, Guid? applicationId, ClaimsPrincipal user, ApprovalsDbContext db, ItemViews views, CancellationToken ct)
    {
        var (department, region) = (user.OrganisationCode(), user.RegionCode());
        var query = db.Items.AsNoTracking().Where(i => i.DepartmentCode == department && i.RegionCode == region);
        if (status is not null) query = query.Where(i => (int)i.Status == status);
        if (applicationId is not null) query = query.Where(i => i.ApplicationId == applicationId);
        var items = await query.OrderBy(i => i.AcceptedAt).Take(200).ToListAsync(ct);
        return TypedResults.Ok(await views.ToDtosAsync(items, ct));
    }

    private static async Task<Ok<ItemInstanceDto>> Get(Guid id, ClaimsPrincipal user, ApprovalsDbContext db, ItemViews views, IAuditLog audit, CancellationToken ct) =>
        TypedResults.Ok(await views.ToDtoAsync(await FindOwnAsync(db, id, user, audit, ct), ct));

    private static async Task<Ok<List<ItemStepDto>>> Steps(Guid id, ClaimsPrincipal user, ApprovalsDbContext db, IAuditLog audit, CancellationToken ct)
    {
        await FindOwnAsync(db, id, user, audit, ct);
        return TypedResults.Ok(await db.Steps.AsNoTracking().Where(s => s.ItemInstanceId == id).OrderBy(s => s.OccurredAt).ThenBy(s => s.Id)
            .Select(s => new ItemStepDto(s.StatusCode, s.StatusName, s.Actor, s.Organisation, s.Opinion, s.OccurredAt)).ToListAsync(ct));
    }

    private static async Task<Ok<ItemInstanceDto>> Start(Guid id, StartRequest? request, ClaimsPrincipal user, ApprovalsDbContext db, ItemViews views, TimeProvider clock, IAuditLog audit, CancellationToken ct)
    {
        var item = await FindOwnAsync(db, id, user, audit, ct);
        item.Start(clock.GetUtcNow());
        db.RecordTransition(item, user.DisplayName(), item.DepartmentName, request?.Opinion?.Trim(), clock, audit);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await views.ToDtoAsync(item, ct));
    }

    private static async Task<Ok<ItemInstanceDto>> StartSpecialProcedure(
        Guid id, StartSpecialProcedureRequest request, ClaimsPrincipal user, ApprovalsDbContext db, ItemViews views, TimeProvider clock, IAuditLog audit, CancellationToken ct)
    {
        var item = await FindOwnAsync(db, id, user, audit, ct);
        var procedure = item.StartSpecialProcedure((SpecialProcedureType)(request.Type ?? 0), request.Reason, request.PlannedWorkingDays ?? 0, clock.GetUtcNow());
        db.SpecialProcedures.Add(procedure);
        db.RecordTransition(item, user.DisplayName(), item.DepartmentName, $"{procedure.Type.ChineseName()}：{procedure.Reason}", clock, audit);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await views.ToDtoAsync(item, ct));
    }

    private static async Task<Ok<ItemInstanceDto>> EndSpecialProcedure(
        Guid id, EndSpecialProcedureRequest request, ClaimsPrincipal user, ApprovalsDbContext db, ItemViews views, TimeProvider clock, IAuditLog audit, CancellationToken ct)
    {
        var item = await FindOwnAsync(db, id, user, audit, ct);
        var open = await db.SpecialProcedures.FirstOrDefaultAsync(p => p.ItemInstanceId == id && p.EndedAt == null, ct);
        item.EndSpecialProcedure(open, request.Result, clock.GetUtcNow());
        db.RecordTransition(item, user.DisplayName(), item.DepartmentName, item.Status.ChineseName() + "：" + open!.Result, clock, audit);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await views.ToDtoAsync(item, ct));
    }

    private static async Task<Ok<ItemInstanceDto>> Conclude(
        Guid id, ConcludeRequest request, ClaimsPrincipal user, ApprovalsDbContext db, ItemViews views, WorkingCalendar calendar, TimeProvider clock, IAuditLog audit, CancellationToken ct)
    {
        if (request.Approved is null) throw ValidationException.For("approved", "is required (true or false)", "必须说明是否通过");
        var item = await FindOwnAsync(db, id, user, audit, ct);
        var now = clock.GetUtcNow();
        if (request.MaterialsToFollow is { Count: > 0 } || request.MaterialsDue is not null)
        {
            if (request.Approved != true)
                throw ValidationException.For("materialsToFollow", "materials to follow go with an approval only", "容缺后补材料仅适用于通过的办结");
            item.ConcludeWithMaterialsToFollow(request.Opinion, request.MaterialsToFollow, request.MaterialsDue, calendar.LocalDate(now), now);
        }
        else
        {
            item.Conclude(request.Approved.Value, request.Opinion, now);
        }
        var opinion = item.MaterialsDue is { } due ? $"{item.Opinion}（容缺后补：{string.Join("、", item.MaterialsToFollow)}，期限{due:yyyy-MM-dd}）" : item.Opinion;
        db.RecordTransition(item, user.DisplayName(), item.DepartmentName, opinion, clock, audit);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await views.ToDtoAsync(item, ct));
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
}

using Approval.Calendar;
using Approval.Supervision.Data;
using Approval.Supervision.Domain;
using Microsoft.Extensions.Options;

namespace Approval.Supervision.Api;

/// <summary>
/// The call-back task of a bad rating (差评回访整改), by the staff of the unit that handled the matter (their own organisation
/// only; another unit's → 404): list, 回访核实, 整改 with the region's deadline, 答复 (closes; notifies the rater), 申诉; and the
/// supervisor's decision on the appeal (upheld: the rating no longer counts). Every step is audited.
/// </summary>
public static class RatingsHandlingApi
{
    public static void Map(RouteGroupBuilder ratings)
    {
        ratings.MapGet("/tasks", Tasks).RequireAuthorization(RatingAccess.Units)
            .WithSummary("The unit's bad ratings to call back, rectify and answer (state=open|all) / 差评回访整改任务");
        ratings.MapPost("/{id:guid}/call-back", CallBack).RequireAuthorization(RatingAccess.Units)
            .WithSummary("Record the call-back and verification of a bad rating / 登记回访核实");
        ratings.MapPost("/{id:guid}/rectification", Rectify).RequireAuthorization(RatingAccess.Units)
            .WithSummary("Start the rectification; its deadline is the region's working days / 登记整改（整改期限）");
        ratings.MapPost("/{id:guid}/answer", Answer).RequireAuthorization(RatingAccess.Units)
            .WithSummary("Answer the rater and close the task (an answer is required) / 答复评价人并办结");
        ratings.MapPost("/{id:guid}/appeal", Appeal).RequireAuthorization(RatingAccess.Units)
            .WithSummary("Appeal a malicious rating / 恶意差评申诉");
        ratings.MapGet("/appeals", Appeals).RequireAuthorization(Roles.Supervisor)
            .WithSummary("The region's appealed ratings, undecided first / 差评申诉列表");
        ratings.MapPost("/{id:guid}/appeal/decision", Decide).RequireAuthorization(Roles.Supervisor)
            .WithSummary("Decide an appeal: upheld removes the rating from the statistics / 申诉裁定");
    }

    private static async Task<Ok<List<RatingDto>>> Tasks(string? state, ClaimsPrincipal user, SupervisionDbContext db, CancellationToken ct)
    {
        new FieldErrors().Require(state is null or "open" or "all", "state", "must be open or all", "须为 open 或 all").ThrowIfAny();
        var (org, region) = (user.OrganisationCode() ?? "-", user.RegionCode() ?? "-");
        var kinds = new[] { Rating.Item, Rating.Review, Rating.Utility, Rating.Intermediary, Rating.Counter }
            .Where(k => RatingAccess.RolesOf(k).Any(user.IsInRole)).ToList();
        var tasks = db.Ratings.AsNoTracking()
            .Where(r => r.RegionCode == region && r.UnitCode == org && kinds.Contains(r.Kind) && r.TaskState != RatingTaskState.None);
        if (state != "all") tasks = tasks.Where(r => r.TaskState != RatingTaskState.Answered);
        var list = await tasks.OrderBy(r => r.RatedAt).Take(200).ToListAsync(ct);
        return TypedResults.Ok(list.Select(r => RatingDto.Of(r, staff: true)).ToList());
    }

    private static async Task<Ok<RatingDto>> CallBack(Guid id, CallBackRequest request, ClaimsPrincipal user, SupervisionDbContext db, IAuditLog audit,
        TimeProvider clock, CancellationToken ct)
    {
        var r = await RatingAccess.ForUnitAsync(db, audit, id, user, ct);
        r.RecordCallBack(request.Note, request.Verified, user.DisplayName(), clock.GetUtcNow());
        return await SaveAsync(r, $"回访核实 by {user.DisplayName()}: {(r.Verified == true ? "属实" : "不属实")}", user, db, audit, ct);
    }

    private static async Task<Ok<RatingDto>> Rectify(Guid id, RectificationRequest request, ClaimsPrincipal user, SupervisionDbContext db, IAuditLog audit,
        WorkingCalendar calendar, IOptions<SupervisionOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var r = await RatingAccess.ForUnitAsync(db, audit, id, user, ct);
        var now = clock.GetUtcNow();
        var deadline = Rating.RectificationDeadlineFrom(calendar, now, options.Value.Ratings.RectificationWorkingDays);
        r.StartRectification(request.Measures, deadline, now);
        return await SaveAsync(r, $"整改 by {user.DisplayName()}, deadline {deadline:yyyy-MM-dd}", user, db, audit, ct);
    }

    private static async Task<Ok<RatingDto>> Answer(Guid id, AnswerRequest request, ClaimsPrincipal user, SupervisionDbContext db, IAuditLog audit,
        RatingNotices notices, TimeProvider clock, CancellationToken ct)
    {
        var r = await RatingAccess.ForUnitAsync(db, audit, id, user, ct);
        r.Close(request.Answer, request.Result, user.DisplayName(), clock.GetUtcNow());
        notices.Answer(r);
        return await SaveAsync(r, $"答复 by {user.DisplayName()}", user, db, audit, ct);
    }

    private static async Task<Ok<RatingDto>> Appeal(Guid id, AppealRequest request, ClaimsPrincipal user, SupervisionDbContext db, IAuditLog audit,
        TimeProvider clock, CancellationToken ct)
    {
        var r = await RatingAccess.ForUnitAsync(db, audit, id, user, ct);
        r.FileAppeal(request.Reason, user.DisplayName(), clock.GetUtcNow());
        return await SaveAsync(r, $"申诉 by {user.DisplayName()}", user, db, audit, ct);
    }

    private static async Task<Ok<List<RatingDto>>> Appeals(ClaimsPrincipal user, SupervisionDbContext db, CancellationToken ct)
    {
        var region = user.RegionCode();
        var list = await db.Ratings.AsNoTracking().Where(r => r.RegionCode == region && r.AppealedAt != null)
            .OrderBy(r => r.AppealUpheld != null).ThenByDescending(r => r.AppealedAt).Take(200).ToListAsync(ct);
        return TypedResults.Ok(list.Select(r => RatingDto.Of(r, staff: true)).ToList());
    }

    private static async Task<Ok<RatingDto>> Decide(Guid id, AppealDecisionRequest request, ClaimsPrincipal user, SupervisionDbContext db, IAuditLog audit,
        TimeProvider clock, CancellationToken ct)
    {
        var r = await RatingAccess.ForSupervisorAsync(db, audit, id, user, ct);
        r.DecideAppeal(request.Upheld, request.Note, user.DisplayName(), clock.GetUtcNow());
        return await SaveAsync(r, $"申诉裁定 by {user.DisplayName()}: {(r.AppealUpheld == true ? "恶意评价成立，不计入统计" : "申诉不成立")}", user, db, audit, ct);
    }

    private static async Task<Ok<RatingDto>> SaveAsync(Rating r, string outcome, ClaimsPrincipal user, SupervisionDbContext db, IAuditLog audit, CancellationToken ct)
    {
        audit.Add(AuditActions.StateChange, "rating", r.Id.ToString(), outcome, r.RegionCode, user);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(RatingDto.Of(r, staff: true));
    }
}

using Approval.Approvals.Data;
using Approval.Approvals.Domain;

namespace Approval.Approvals.Api;

/// <summary>
/// The applicant's view of an accepted application's items (R-6.7, R-T.3): each item's status, opinion and clock, the
/// stage's status; and the hand-in of materials owed after 办结（容缺通过）. The applicant who owns the application and
/// the window of the region may use it; anyone else gets 404.
/// </summary>
public static class ApplicationItemsApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/approvals/applications/{applicationId:guid}").WithTags("Applicant progress").RequireAuthorization();
        api.MapGet("/items", Items).WithSummary("The application's items with status, opinion and clock / 申请事项办理进度与时限");
        api.MapPost("/items/{id:guid}/materials", HandIn).WithSummary("Hand in materials owed after 办结（容缺通过） / 补交容缺材料");
    }

    public sealed record StageViewDto(Guid Id, int StageNo, string? ParallelInstanceCode, int MilestoneRule, int Status, string StatusName,
        bool? Approved, DateTimeOffset AcceptedAt, DateTimeOffset? ConcludedAt, string ProjectCode, int? TimeLimitWorkingDays, ClockDto? Clock, string? ClockProblem);
    public sealed record ApplicationItemsDto(Guid ApplicationId, StageViewDto Stage, IReadOnlyList<ItemInstanceDto> Items);

    private static async Task<Ok<ApplicationItemsDto>> Items(Guid applicationId, ClaimsPrincipal user, ApprovalsDbContext db, ItemViews views, IAuditLog audit, CancellationToken ct)
    {
        var stage = await FindVisibleAsync(db, applicationId, user, audit, ct);
        var items = await db.Items.AsNoTracking().Where(i => i.StageInstanceId == stage.Id).OrderBy(i => i.ItemCode).ToListAsync(ct);
        var ((clock, problem), itemViews) = await views.StageViewAsync(stage, items, ct);
        return TypedResults.Ok(new ApplicationItemsDto(applicationId,
            new StageViewDto(stage.Id, stage.StageNo, stage.ParallelInstanceCode, stage.MilestoneRule, (int)stage.Status, stage.Status.ChineseName(),
                stage.Approved, stage.AcceptedAt, stage.ConcludedAt, stage.ProjectCode, stage.TimeLimitWorkingDays, clock, problem),
            itemViews));
    }

    private static async Task<Ok<ItemInstanceDto>> HandIn(
        Guid applicationId, Guid id, HandInMaterialsRequest request, ClaimsPrincipal user, ItemCommands commands, [AsParameters] ApprovalsServices s,
        CancellationToken ct)
    {
        var stage = await FindVisibleAsync(s.Db, applicationId, user, s.Audit, ct);
        var item = await s.Db.Items.FirstOrDefaultAsync(i => i.Id == id && i.StageInstanceId == stage.Id, ct)
            ?? throw new NotFoundException("Item instance 事项实例", id.ToString());
        var organisation = user.IsInRole(Roles.Window) ? "综合服务窗口" : item.Holder;
        return TypedResults.Ok(await commands.HandInMaterialsAsync(item, user.DisplayName(), organisation, request, ct));
    }

    /// <summary>The owning applicant, or the window of the region; others get 404 (and an audit record).</summary>
    private static async Task<StageInstance> FindVisibleAsync(ApprovalsDbContext db, Guid applicationId, ClaimsPrincipal user, IAuditLog audit, CancellationToken ct)
    {
        var stage = await db.Stages.AsNoTracking().FirstOrDefaultAsync(s => s.ApplicationId == applicationId, ct)
            ?? throw new NotFoundException("Application 申请", applicationId.ToString());
        var owner = user.IsInRole(Roles.Applicant) && stage.ApplicantId == user.UserId();
        var window = user.IsInRole(Roles.Window);
        if ((owner || window) && user.InRegion(stage.RegionCode)) return stage;
        await audit.DenyAsync("application", applicationId.ToString(), "neither the owning applicant nor the region's window", ct, stage.RegionCode);
        throw new NotFoundException("Application 申请", applicationId.ToString());
    }
}

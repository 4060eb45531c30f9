using Approval.Calendar;
using Approval.Supervision.Data;
using Approval.Supervision.Domain;
using Microsoft.Extensions.Options;

namespace Approval.Supervision.Api;

/// <summary>
/// /api/supervision: the figures (效能统计) with export, the cases behind them, a project's total against the target, and
/// the public on-time rates. Supervisors and region administrators see their region, a department lead their department;
/// an object outside the caller's scope does not exist for them (404, audited).
/// </summary>
public static class SupervisionApi
{
    public static WebApplication MapSupervisionApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/supervision").WithTags("Supervision");
        var read = api.MapGroup("").RequireAuthorization(SupervisionScope.Readers).AddEndpointFilter<LeadDirectoryFilter>()
            .AddEndpointFilter<SupervisorDirectoryFilter>();
        read.MapGet("/figures", Figures)
            .WithSummary("Figures per department, item, stage or flow type for a period / 效能统计（按部门、事项、阶段、流程类型）");
        read.MapGet("/figures/export", Export)
            .WithSummary("The same figures as CSV or XLSX (format=csv|xlsx) / 效能统计导出");
        read.MapGet("/items", Items).WithSummary("The item clocks behind the figures, with filters / 事项时限明细");
        read.MapGet("/items/{id:guid}", Item).WithSummary("One item clock with its pauses and warnings / 事项时限详情");
        ServiceClocksApi.Map(read);
        read.MapGet("/projects/{projectCode}", Project).WithSummary("A project's working days against the region's target / 项目总用时");
        api.MapPost("/items/{id:guid}/urge", UrgeApi.Urge).RequireAuthorization(Roles.Supervisor)
            .WithSummary("督办: a supervisor's reminder to the handler and the department lead / 督办");
        api.MapGet("/public/departments", PublicApi.Departments).AllowAnonymous()
            .WithSummary("Public: each department's on-time rate, no personal data / 政务公开：各部门按时办结率");
        RatingsApi.Map(api);
        ComplaintsApi.Map(api);
        app.MapAuditApi<SupervisionDbContext>("/api/supervision/audit");
        RegulatorsApi.Map(app);
        ProjectTimelineApi.Map(app);
        return app;
    }

    private static async Task<Ok<FiguresDto>> Figures([AsParameters] FigureQuery q, ClaimsPrincipal user, FiguresReader reader,
        SupervisionToday today, IOptions<SupervisionOptions> options, CancellationToken ct)
    {
        var filter = FigureFilter.Of(q, SupervisionScope.Of(user), today.Date, options.Value.MaxPeriodDays);
        return TypedResults.Ok(new FiguresDto(filter.From, filter.To, filter.GroupBy.ToString(), await reader.IntakeAsync(filter, ct),
            await reader.ReadAsync(filter, ct)));
    }

    private static async Task<FileContentHttpResult> Export([AsParameters] FigureQuery q, string? format, ClaimsPrincipal user, FiguresReader reader,
        SupervisionToday today, IOptions<SupervisionOptions> options, CancellationToken ct)
    {
        var xlsx = string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase);
        if (!xlsx && format is not null && !string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase))
            throw ValidationException.For("format", "must be csv or xlsx", "须为 csv 或 xlsx");
        var filter = FigureFilter.Of(q, SupervisionScope.Of(user), today.Date, options.Value.MaxPeriodDays);
        var rows = await reader.ReadAsync(filter, ct);
        var name = $"figures-{filter.GroupBy.ToString().ToLowerInvariant()}-{filter.From:yyyyMMdd}-{filter.To:yyyyMMdd}";
        return xlsx
            ? TypedResults.File(FigureExport.Xlsx(rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx")
            : TypedResults.File(FigureExport.Csv(rows), "text/csv; charset=utf-8", name + ".csv");
    }

    private static async Task<Ok<ItemPageDto>> Items([AsParameters] FigureQuery q, int? skip, int? take, ClaimsPrincipal user,
        SupervisionDbContext db, SupervisionToday today, IOptions<SupervisionOptions> options, CancellationToken ct)
    {
        var f = FigureFilter.Of(q, SupervisionScope.Of(user), today.Date, options.Value.MaxPeriodDays);
        var errors = new FieldErrors();
        ClockState state = default;
        errors.Require(q.State is null || Enum.TryParse(q.State, true, out state), "state", "must be OnTime, Warning or Overdue", "须为 OnTime、Warning 或 Overdue");
        errors.Require(take is null or (> 0 and <= 200), "take", "must be 1–200", "须为1至200");
        errors.Require(skip is null or >= 0, "skip", "must not be negative", "不能为负数");
        errors.ThrowIfAny();
        var items = db.Items.AsNoTracking().Where(i => i.RegionCode == f.RegionCode && i.AcceptedDate >= f.From && i.AcceptedDate <= f.To);
        if (f.DepartmentCode is not null) items = items.Where(i => i.DepartmentCode == f.DepartmentCode);
        if (f.ItemCode is not null) items = items.Where(i => i.ItemCode == f.ItemCode);
        if (f.StageNo is not null) items = items.Where(i => i.StageNo == f.StageNo);
        if (f.FlowType is not null) items = items.Where(i => i.FlowType == f.FlowType);
        if (f.ProjectCode is not null) items = items.Where(i => i.ProjectCode == f.ProjectCode);
        if (q.State is not null) items = items.Where(i => i.State == state);
        var page = await items.OrderByDescending(i => i.AcceptedAt).Skip(skip ?? 0).Take(take ?? 50).ToListAsync(ct);
        return TypedResults.Ok(new ItemPageDto(await items.CountAsync(ct), page.Select(ItemClockDto.Of).ToList()));
    }

    private static async Task<Ok<ItemClockDetailDto>> Item(Guid id, ClaimsPrincipal user, SupervisionDbContext db, IAuditLog audit, CancellationToken ct)
    {
        var item = await ItemAccess.FindAsync(db, audit, id, SupervisionScope.Of(user), ct);
        var notices = await db.Notices.AsNoTracking().Where(n => n.ItemClockId == id).OrderBy(n => n.RaisedAt).ToListAsync(ct);
        return TypedResults.Ok(new ItemClockDetailDto(ItemClockDto.Of(item),
            notices.Select(n => new NoticeDto(n.Id, n.Kind, n.Note, n.By, n.Recipients.Count, n.RaisedAt)).ToList()));
    }

    private static async Task<Ok<ProjectTotalDto>> Project(string projectCode, ClaimsPrincipal user, SupervisionDbContext db, IAuditLog audit,
        IOptions<SupervisionOptions> options, CancellationToken ct)
    {
        var scope = SupervisionScope.Of(user);
        var stages = await db.Stages.AsNoTracking().Where(s => s.RegionCode == scope.RegionCode && s.ProjectCode == projectCode)
            .OrderBy(s => s.AcceptedAt).Take(200).ToListAsync(ct);
        // A department lead sees a project only when one of its items came to their department.
        var visible = stages.Count > 0 && (scope.DepartmentCode is null
            || await db.Items.AnyAsync(i => i.RegionCode == scope.RegionCode && i.ProjectCode == projectCode && i.DepartmentCode == scope.DepartmentCode, ct));
        if (!visible)
        {
            if (stages.Count > 0) await audit.DenyAsync("project", projectCode, "a department lead of another department", ct, scope.RegionCode);
            throw new NotFoundException("Project 项目", projectCode);
        }
        var total = ProjectTotal.Of(projectCode, stages, options.Value.ProjectTargetWorkingDays);
        return TypedResults.Ok(new ProjectTotalDto(total, total.OverTarget, stages.Select(s =>
            new StageClockDto(s.ApplicationId, s.StageNo, s.FlowType, s.LimitWorkingDays, s.AcceptedAt, s.ConcludedAt, s.UsedWorkingDays)).ToList()));
    }
}

/// <summary>Today on the region's calendar.</summary>
public sealed class SupervisionToday(WorkingCalendar calendar, TimeProvider clock)
{
    public DateOnly Date => calendar.LocalDate(clock.GetUtcNow());
}

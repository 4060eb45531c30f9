using Approval.Approvals.Calendars;
using Approval.Approvals.Data;
using Approval.Approvals.Domain;
using Approval.Approvals.Health;
using Approval.Calendar;
using Approval.Contracts.Events;
using Approval.Messaging;
using Approval.ServiceDefaults.Region;

namespace Approval.Approvals.Api;

/// <summary>
/// The region's working calendar (工作日历): the loaded years for the region's staff, and the region admin's upload of one
/// year's 节假日安排 at run time — no redeploy; every clock reads it from the next request on (docs/approvals.md).
/// </summary>
public static class CalendarApi
{
    private static readonly string[] Readers = [Roles.Window, Roles.Department, Roles.DepartmentLead, Roles.Supervisor, Roles.RegionAdmin];

    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/approvals/calendar").WithTags("Working calendar");
        api.MapGet("/", List).RequireAuthorization(p => p.RequireRole(Readers))
            .WithSummary("The loaded years of the region's working calendar (pack or uploaded, by whom, when) and the year missing within 90 days / 工作日历（已加载年度）");
        api.MapGet("/uploaded", Uploaded).AllowAnonymous()
            .WithSummary("The years uploaded at run time (the region's public holiday schedule), read by every service that keeps clocks at start / 运行时上传的年度节假日安排");
        api.MapPut("/years/{year:int}", Upload).RequireAuthorization(Roles.RegionAdmin)
            .WithSummary("Region admin: load or replace one year's holiday schedule (holidays, make-up working days); clocks use it at once / 上传年度节假日安排");
    }

    public sealed record CalendarYearDto(int Year, string Source, string SourceName, bool ReplacesPack, IReadOnlyList<string> Holidays,
        IReadOnlyList<string> Workdays, string? UploadedBy, string? UploadedByName, DateTimeOffset? UploadedAt);

    /// <param name="MissingYear">Next year, when its schedule is missing and its dates are within 90 days (the health check's Degraded).</param>
    public sealed record CalendarDto(string RegionCode, string TimeZone, int LastYear, int? MissingYear, string? Warning,
        int UploadableFrom, int UploadableTo, IReadOnlyList<CalendarYearDto> Years);

    private static async Task<Ok<CalendarDto>> List(ClaimsPrincipal user, ApprovalsDbContext db, CalendarProvider calendars, DeploymentRegion region,
        TimeProvider clock, CancellationToken ct)
    {
        if (!user.InRegion(region.Code)) throw new NotFoundException("Calendar 工作日历", user.RegionCode() ?? "");
        await calendars.RefreshAsync(db, ct);
        var stored = await db.CalendarYears.AsNoTracking().ToListAsync(ct);
        var calendar = calendars.Current;
        var now = clock.GetUtcNow();
        var missing = CalendarHealthCheck.MissingYear(calendar, now);
        var (from, to) = CalendarUploadRules.UploadableYears(calendars.Pack, calendar, calendar.LocalDate(now).Year);
        var years = calendar.Years.Select(y => Dto(calendars, calendar.Year(y)!, stored.FirstOrDefault(s => s.Year == y))).ToList();
        return TypedResults.Ok(new CalendarDto(region.Code, calendar.TimeZone.Id, calendar.LastYear, missing,
            missing is { } m ? $"{m}年节假日安排尚未加载，跨年期限按工作日暂定" : null, from, to, years));
    }

    private static async Task<Ok<List<UploadedCalendarYear>>> Uploaded(ApprovalsDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.CalendarYears.AsNoTracking().OrderBy(y => y.Year).ToListAsync(ct)).Select(StoredCalendarYears.Uploaded).ToList());

    private static async Task<Ok<CalendarYearDto>> Upload(int year, CalendarYearUpload body, ClaimsPrincipal user, CalendarProvider calendars, [AsParameters] ApprovalsServices s, CancellationToken ct)
    {
        if (!user.InRegion(s.Region.Code))
        {
            await s.Audit.DenyAsync("calendar-year", $"{year}", "upload: not an administrator of this region", ct, user.RegionCode());
            throw new NotFoundException("Calendar 工作日历", user.RegionCode() ?? "");
        }
        await calendars.RefreshAsync(s.Db, ct);
        var current = calendars.Current;
        var schedule = CalendarUploadRules.Validate(year, body, calendars.Pack, current, current.LocalDate(s.Clock.GetUtcNow()).Year);

        var row = await s.Db.CalendarYears.FindAsync([year], ct);
        var replaced = row is not null ? $"; replaces the upload of {row.UploadedAt:O} by {row.UploadedBy}"
            : calendars.Pack.Year(year) is not null ? "; replaces the region pack's schedule" : "";
        if (row is null) s.Db.CalendarYears.Add(row = new StoredCalendarYear { Year = year, UploadedBy = "", UploadedByName = "" });
        row.Holidays = [.. schedule.Holidays.Order()];
        row.Workdays = [.. schedule.MakeUpWorkdays.Order()];
        row.UploadedBy = user.UserId();
        row.UploadedByName = user.DisplayName();
        row.UploadedAt = s.Clock.GetUtcNow();
        s.Audit.Add(AuditActions.StateChange, "calendar-year", $"{year}",
            $"holiday schedule loaded: holidays {string.Join(",", CalendarSchedule.Ranges(row.Holidays))}; " +
            $"make-up workdays {string.Join(",", CalendarSchedule.Ranges(row.Workdays))}{replaced}", s.Region.Code);
        // Every other service that keeps clocks applies the year at once (RuntimeCalendar in Approval.Messaging).
        s.Db.AddOutboxEvent(new CalendarYearUploaded(s.Region.Code, year, row.Holidays, row.Workdays, row.UploadedAt), $"calendar-{year}", s.Clock);
        try
        {
            await s.Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new RequestRefusedException(StatusCodes.Status409Conflict, "Upload conflict / 上传冲突",
                $"{year} was uploaded by someone else at the same moment; read the calendar and upload again",
                $"{year}年节假日安排同时被他人上传，请刷新后重新上传");
        }
        await calendars.RefreshAsync(s.Db, ct);
        return TypedResults.Ok(Dto(calendars, calendars.Current.Year(year)!, row));
    }

    private static CalendarYearDto Dto(CalendarProvider calendars, CalendarYear year, StoredCalendarYear? stored) => new(
        year.Year, stored is null ? "pack" : "uploaded", stored is null ? "地区配置包" : "管理员上传", stored is not null && calendars.Pack.Year(year.Year) is not null,
        CalendarSchedule.Ranges(year.Holidays), CalendarSchedule.Ranges(year.MakeUpWorkdays), stored?.UploadedBy, stored?.UploadedByName, stored?.UploadedAt);
}

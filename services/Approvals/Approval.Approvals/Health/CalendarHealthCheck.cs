using Approval.Approvals.Calendars;
using Approval.Calendar;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Approval.Approvals.Health;

/// <summary>
/// Degraded (not unhealthy: the service works) while next year's holiday schedule (节假日安排) is missing and its dates are
/// near: within <see cref="Horizon"/> of the end of the last loaded year, new deadlines fall in a year the clocks can
/// only count on weekdays (暂定). Reads the current calendar, so it turns Healthy as soon as the region admin uploads the
/// year (PUT /api/approvals/calendar/years/{year}, or the portal's 节假日安排 page) or the region pack holds it.
/// </summary>
public sealed class CalendarHealthCheck(CalendarProvider calendars, TimeProvider clock) : IHealthCheck
{
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(90);

    /// <summary>The year whose schedule is missing and whose dates are within <see cref="Horizon"/>, or null.</summary>
    public static int? MissingYear(WorkingCalendar calendar, DateTimeOffset now) =>
        calendar.IsProvisional(calendar.LocalDate(now + Horizon)) ? calendar.LastYear + 1 : null;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var calendar = calendars.Current;
        if (MissingYear(calendar, clock.GetUtcNow()) is not { } year)
            return Task.FromResult(HealthCheckResult.Healthy($"holiday schedules loaded through {calendar.LastYear}"));
        return Task.FromResult(HealthCheckResult.Degraded(
            $"{year}年节假日安排未加载：{year}年内的期限按周一至周五暂定计算 / the {year} holiday schedule is not loaded: " +
            $"deadlines in {year} are provisional (Monday to Friday)"));
    }
}

using Approval.Calendar;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Approval.Approvals.Health;

/// <summary>
/// Degraded (not unhealthy: the service works) while next year's holiday schedule (节假日安排) is missing and its dates are
/// near: within <see cref="Horizon"/> of the end of the last loaded year, new deadlines fall in a year the clocks can
/// only count on weekdays (暂定). The region administrator loads the year in the region pack (regions/&lt;code&gt;/calendar.json).
/// </summary>
public sealed class CalendarHealthCheck(WorkingCalendar calendar, TimeProvider clock) : IHealthCheck
{
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(90);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var soon = calendar.LocalDate(clock.GetUtcNow() + Horizon);
        if (!calendar.IsProvisional(soon))
            return Task.FromResult(HealthCheckResult.Healthy($"holiday schedules loaded through {calendar.LastYear}"));
        var year = calendar.LastYear + 1;
        return Task.FromResult(HealthCheckResult.Degraded(
            $"{year}年节假日安排未加载：{year}年内的期限按周一至周五暂定计算 / the {year} holiday schedule is not loaded: " +
            $"deadlines in {year} are provisional (Monday to Friday)"));
    }
}

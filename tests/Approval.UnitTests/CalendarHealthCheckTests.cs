using Approval.Approvals.Calendars;
using Approval.Approvals.Domain;
using Approval.Approvals.Health;
using Approval.Calendar;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Approval.UnitTests;

/// <summary>Issue 15: the service warns (Degraded) while next year's holiday schedule is missing and its dates are near.</summary>
public sealed class CalendarHealthCheckTests
{
    private sealed class At(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static async Task<HealthCheckResult> CheckAsync(int month, int day, CalendarProvider? calendars = null) =>
        await new CalendarHealthCheck(calendars ?? new CalendarProvider(WorkingCalendarTests.Demo), new At(new DateTimeOffset(2026, month, day, 2, 0, 0, TimeSpan.Zero)))
            .CheckHealthAsync(new HealthCheckContext());

    [Fact]
    public async Task Healthy_while_the_loaded_years_cover_the_next_90_days_then_degraded_naming_the_missing_year()
    {
        // The demo pack holds 2025 and 2026: on 2 October 2026, 90 days ahead is 31 December 2026; on 3 October, 2027.
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync(10, 2)).Status);
        var degraded = await CheckAsync(10, 3);
        Assert.Equal(HealthStatus.Degraded, degraded.Status);
        Assert.Contains("2027年节假日安排未加载", degraded.Description);
    }

    [Fact]
    public async Task Turns_healthy_once_the_region_admin_uploads_the_missing_year()
    {
        var calendars = new CalendarProvider(WorkingCalendarTests.Demo);
        Assert.Equal(HealthStatus.Degraded, (await CheckAsync(12, 5, calendars)).Status);
        Assert.True(calendars.Apply([new StoredCalendarYear
        {
            Year = 2027, Holidays = [new DateOnly(2027, 1, 1)], UploadedBy = "admin", UploadedByName = "管理员", UploadedAt = DateTimeOffset.UnixEpoch,
        }]));
        var healthy = await CheckAsync(12, 5, calendars);
        Assert.Equal((HealthStatus.Healthy, "holiday schedules loaded through 2027"), (healthy.Status, healthy.Description));
    }
}

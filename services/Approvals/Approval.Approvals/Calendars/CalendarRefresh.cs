using Approval.Approvals.Data;
using Approval.Calendar;
using Approval.ServiceDefaults.Jobs;

namespace Approval.Approvals.Calendars;

/// <summary>
/// Every replica picks up a year another replica took within <c>Approval:Calendar:RefreshSeconds</c> (5 by default): one small
/// read of calendar_years per round; the calendar is rebuilt only when a year was added or uploaded again.
/// </summary>
public sealed class CalendarRefresh(IServiceScopeFactory scopes, CalendarProvider calendars, IConfiguration configuration, TimeProvider clock,
    ILogger<CalendarRefresh> log) : PeriodicJob(clock, log)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Approval:Calendar:RefreshSeconds", 5)));

    protected override async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (await calendars.RefreshAsync(scope.ServiceProvider.GetRequiredService<ApprovalsDbContext>(), ct))
            Log.LogInformation("Working calendar reloaded: years {Years}", string.Join(", ", calendars.Current.Years));
        return false;
    }
}

using Approval.Calendar;

namespace Approval.Approvals.Domain;

/// <summary>
/// The project's clock (R-T): the working days its stage instances used, concluded or running, added up against the
/// sum of their limits. Each stage's figures come from its own <see cref="Clock"/>; this only adds them. It is 逾期 when
/// any stage is overdue or more days were used than allowed, 预警 while a stage is running and the days left are within
/// the region's threshold, else 正常.
/// </summary>
public sealed record ProjectClock(int LimitWorkingDays, int UsedWorkingDays, int RemainingWorkingDays, bool Running, ClockState State)
{
    public static ProjectClock Of(IReadOnlyCollection<(ClockReading Reading, bool Running)> stages, WarningThreshold threshold)
    {
        var limit = stages.Sum(s => s.Reading.Limit);
        var used = stages.Sum(s => s.Reading.Used);
        var running = stages.Any(s => s.Running);
        var remaining = limit - used;
        var state = remaining < 0 || stages.Any(s => s.Reading.State == ClockState.Overdue) ? ClockState.Overdue
            : running && limit > 0 && threshold.IsWarning(remaining, limit) ? ClockState.Warning
            : ClockState.OnTime;
        return new ProjectClock(limit, used, remaining, running, state);
    }
}

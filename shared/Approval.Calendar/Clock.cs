namespace Approval.Calendar;

/// <summary>What a clock shows at a moment (R-T.3).</summary>
public sealed record ClockReading(
    DateOnly StartDate,
    DateOnly Deadline,
    int LimitWorkingDays,
    int UsedWorkingDays,
    int RemainingWorkingDays,
    int PausedWorkingDays,
    bool IsPaused,
    ClockState State,
    // Stopped at the conclusion: the used days are final and nothing remains to count down.
    bool Stopped = false,
    // 暂定（节假日安排未公布）: the deadline or today lies in a year whose schedule is not loaded, counted on weekdays only.
    bool Provisional = false);

/// <summary>
/// The clock of an item instance, stage or project (DOMAIN.md "Time"): it starts at 受理; the deadline is
/// the start date + limit + the working days spent paused; pauses (补正, special procedures) stop it, overlapping
/// pauses once (<see cref="Pause.Merge"/>).
/// A working day counts as used from the day after acceptance; a pause counts from the day after it began
/// up to the day it ended (or today while it lasts). A stopped clock (the item concluded at
/// <c>now</c>) shows only 正常 or 逾期: a warning is for work still to be done.
/// </summary>
public static class Clock
{
    public static ClockReading Read(
        WorkingCalendar calendar, DateTimeOffset acceptedAt, int limitWorkingDays, IEnumerable<Pause> pauses,
        DateTimeOffset now, WarningThreshold threshold, bool stopped = false)
    {
        if (limitWorkingDays <= 0) throw new ArgumentOutOfRangeException(nameof(limitWorkingDays), "a time limit must be greater than 0");
        var start = calendar.LocalDate(acceptedAt);
        var today = calendar.LocalDate(now);
        var list = Pause.Merge(pauses);
        var paused = list.Sum(p => calendar.WorkingDaysBetween(p.Start, p.End is { } end && end < now ? end : now));
        var deadline = calendar.AddWorkingDays(start, limitWorkingDays + paused);
        var used = Math.Max(0, calendar.WorkingDaysBetween(start, today) - paused);
        var remaining = limitWorkingDays - used;
        var state = today > deadline ? ClockState.Overdue
            : !stopped && threshold.IsWarning(remaining, limitWorkingDays) ? ClockState.Warning
            : ClockState.OnTime;
        return new ClockReading(start, deadline, limitWorkingDays, used, remaining, paused, list.Any(p => p.End is null || p.End > now), state, stopped,
            calendar.IsProvisional(deadline > today ? deadline : today));
    }
}

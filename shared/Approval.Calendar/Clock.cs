namespace Approval.Calendar;

/// <summary>
/// What a clock shows at a moment (R-T.3). Limit, Used, Remaining and Paused count <see cref="Unit"/>: working days for
/// most limits, calendar days (自然日) for limits stated in calendar days or months, working minutes for limits stated in
/// hours or minutes — then <see cref="DueAt"/> is the due instant.
/// </summary>
public sealed record ClockReading(
    DateOnly StartDate,
    DateOnly Deadline,
    int Limit,
    int Used,
    int Remaining,
    int Paused,
    bool IsPaused,
    ClockState State,
    // Stopped at the conclusion: the used time is final and nothing remains to count down.
    bool Stopped = false,
    // 暂定（节假日安排未公布）: the deadline or today lies in a year whose schedule is not loaded, counted on weekdays only.
    bool Provisional = false,
    ClockUnit Unit = ClockUnit.WorkingDays,
    DateTimeOffset? DueAt = null);

/// <summary>
/// The clock of an item instance, stage or project (DOMAIN.md "Time"): it starts at 受理; the deadline is
/// the start + limit + the time spent paused; pauses (补正, special procedures) stop it, overlapping
/// pauses once (<see cref="Pause.Merge"/>).
/// In days, a day counts as used from the day after acceptance; a pause counts from the day after it began
/// up to the day it ended (or today while it lasts). In minutes, working time counts to the minute. A stopped clock
/// (the item concluded at <c>now</c>) shows only 正常 or 逾期: a warning is for work still to be done.
/// </summary>
public static class Clock
{
    public static ClockReading Read(
        WorkingCalendar calendar, DateTimeOffset acceptedAt, int limitWorkingDays, IEnumerable<Pause> pauses,
        DateTimeOffset now, WarningThreshold threshold, bool stopped = false) =>
        Read(calendar, acceptedAt, TimeLimit.InWorkingDays(limitWorkingDays), pauses, now, threshold, stopped);

    public static ClockReading Read(
        WorkingCalendar calendar, DateTimeOffset acceptedAt, TimeLimit timeLimit, IEnumerable<Pause> pauses,
        DateTimeOffset now, WarningThreshold threshold, bool stopped = false)
    {
        if (timeLimit.Amount <= 0) throw new ArgumentOutOfRangeException(nameof(timeLimit), "a time limit must be greater than 0");
        var start = calendar.LocalDate(acceptedAt);
        var list = Pause.Merge(pauses);
        var isPaused = list.Any(p => p.End is null || p.End > now);
        var limit = timeLimit.InClockUnits(start);
        return timeLimit.ClockUnit switch
        {
            ClockUnit.Minutes => InMinutes(calendar, acceptedAt, limit, list, now, threshold, stopped, isPaused),
            ClockUnit.CalendarDays => InCalendarDays(calendar, start, limit, list, now, threshold, stopped, isPaused),
            _ => InWorkingDays(calendar, start, limit, list, now, threshold, stopped, isPaused),
        };
    }

    private static ClockReading InWorkingDays(WorkingCalendar calendar, DateOnly start, int limit, IReadOnlyList<Pause> pauses,
        DateTimeOffset now, WarningThreshold threshold, bool stopped, bool isPaused)
    {
        var today = calendar.LocalDate(now);
        var paused = pauses.Sum(p => calendar.WorkingDaysBetween(p.Start, EndOf(p, now)));
        var deadline = calendar.AddWorkingDays(start, limit + paused);
        var used = Math.Max(0, calendar.WorkingDaysBetween(start, today) - paused);
        var state = StateOf(today > deadline, stopped, threshold.IsWarning(limit - used, limit));
        return new ClockReading(start, deadline, limit, used, limit - used, paused, isPaused, state, stopped,
            calendar.IsProvisional(deadline > today ? deadline : today));
    }

    private static ClockReading InCalendarDays(WorkingCalendar calendar, DateOnly start, int limit, IReadOnlyList<Pause> pauses,
        DateTimeOffset now, WarningThreshold threshold, bool stopped, bool isPaused)
    {
        var today = calendar.LocalDate(now);
        var paused = pauses.Sum(p => Math.Max(0, calendar.LocalDate(EndOf(p, now)).DayNumber - calendar.LocalDate(p.Start).DayNumber));
        var deadline = start.AddDays(limit + paused);
        var used = Math.Max(0, today.DayNumber - start.DayNumber - paused);
        var state = StateOf(today > deadline, stopped, threshold.IsWarning(limit - used, limit));
        return new ClockReading(start, deadline, limit, used, limit - used, paused, isPaused, state, stopped, Unit: ClockUnit.CalendarDays);
    }

    private static ClockReading InMinutes(WorkingCalendar calendar, DateTimeOffset acceptedAt, int limit, IReadOnlyList<Pause> pauses,
        DateTimeOffset now, WarningThreshold threshold, bool stopped, bool isPaused)
    {
        var paused = pauses.Sum(p => calendar.WorkingMinutesBetween(p.Start, EndOf(p, now)));
        var dueAt = calendar.AddWorkingMinutes(acceptedAt, limit + paused);
        var used = Math.Max(0, calendar.WorkingMinutesBetween(acceptedAt, now) - paused);
        // A warning in minutes by the fraction alone: "2 working days left" means nothing for a 4-hour limit.
        var state = StateOf(now > dueAt, stopped, limit - used <= threshold.Fraction * limit);
        var deadline = calendar.LocalDate(dueAt);
        var today = calendar.LocalDate(now);
        return new ClockReading(calendar.LocalDate(acceptedAt), deadline, limit, used, limit - used, paused, isPaused, state, stopped,
            calendar.IsProvisional(deadline > today ? deadline : today), ClockUnit.Minutes, dueAt);
    }

    private static DateTimeOffset EndOf(Pause pause, DateTimeOffset now) => pause.End is { } end && end < now ? end : now;

    private static ClockState StateOf(bool overdue, bool stopped, bool warning) =>
        overdue ? ClockState.Overdue : !stopped && warning ? ClockState.Warning : ClockState.OnTime;
}

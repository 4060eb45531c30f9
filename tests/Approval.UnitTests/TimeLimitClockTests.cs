using Approval.Calendar;

namespace Approval.UnitTests;

/// <summary>Items clocked in the unit the catalog states (issue 15 item 4): hours, calendar days, months.</summary>
public sealed class TimeLimitClockTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendarTests.Demo;
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    private static DateTimeOffset At(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, Shanghai);

    private static ClockReading Read(TimeLimit limit, DateTimeOffset accepted, DateTimeOffset now, params Pause[] pauses) =>
        Clock.Read(Calendar, accepted, limit, pauses, now, WarningThreshold.Default);

    [Fact]
    public void A_four_hour_item_is_due_four_hours_after_acceptance_on_a_working_day()
    {
        // 320193-FG-LX-001 (企业投资项目备案) states 4 hours: accepted Tue 29 Sep 09:30, due 13:30 the same day.
        var reading = Read(new TimeLimit(4, TimeLimitUnit.Hours), At(9, 29, 9, 30), At(9, 29, 12, 0));
        Assert.Equal((ClockUnit.Minutes, 240, 150, 90), (reading.Unit, reading.Limit, reading.Used, reading.Remaining));
        Assert.Equal(At(9, 29, 13, 30), reading.DueAt);
        Assert.Equal(ClockState.OnTime, reading.State);
        var late = Read(new TimeLimit(4, TimeLimitUnit.Hours), At(9, 29, 9, 30), At(9, 29, 13, 31));
        Assert.Equal((ClockState.Overdue, -1), (late.State, late.Remaining));
    }

    [Fact]
    public void Hours_on_days_off_are_not_counted()
    {
        // Accepted Wed 30 Sep 22:00: 2 hours that day, then 1–7 Oct (国庆) are off; the other 2 hours run on Thu 8 Oct.
        var reading = Read(new TimeLimit(4, TimeLimitUnit.Hours), At(9, 30, 22), At(10, 8, 1));
        Assert.Equal(At(10, 8, 2), reading.DueAt);
        Assert.Equal((new DateOnly(2026, 10, 8), 180, 60), (reading.Deadline, reading.Used, reading.Remaining));
        Assert.Equal(ClockState.OnTime, reading.State); // 60 of 240 minutes left is 25 %: above the 20 % threshold
    }

    [Fact]
    public void A_minute_clock_warns_by_the_fraction_only_and_a_pause_moves_it()
    {
        var accepted = At(9, 29, 9);
        Assert.Equal(ClockState.OnTime, Read(new TimeLimit(100, TimeLimitUnit.Minutes), accepted, At(9, 29, 10, 19)).State); // 21 left
        Assert.Equal(ClockState.Warning, Read(new TimeLimit(100, TimeLimitUnit.Minutes), accepted, At(9, 29, 10, 20)).State); // 20 left
        // A 30-minute 补正 from 09:10 to 09:40 moves the due instant from 10:40 to 11:10.
        var paused = Read(new TimeLimit(100, TimeLimitUnit.Minutes), accepted, At(9, 29, 10), new Pause(At(9, 29, 9, 10), At(9, 29, 9, 40), "补正"));
        Assert.Equal((At(9, 29, 11, 10), 30, 30), (paused.DueAt, paused.Paused, paused.Used));
    }

    [Fact]
    public void Calendar_days_count_holidays_and_weekends()
    {
        // 10 自然日 from Tue 29 Sep: due Fri 9 Oct, though 1–7 Oct are off; read on Thu 8 Oct: 9 used, 1 left.
        var reading = Read(new TimeLimit(10, TimeLimitUnit.CalendarDays), At(9, 29, 10), At(10, 8, 10));
        Assert.Equal((ClockUnit.CalendarDays, new DateOnly(2026, 10, 9), 9, 1, ClockState.Warning),
            (reading.Unit, reading.Deadline, reading.Used, reading.Remaining, reading.State));
        Assert.False(reading.Provisional);
    }

    [Fact]
    public void A_limit_in_months_spans_its_calendar_days_and_pauses_extend_it()
    {
        // 1 month from 31 Oct 2026 ends 30 Nov (30 days); a pause from 2 to 5 Nov (3 days) moves it to 3 Dec.
        var reading = Read(new TimeLimit(1, TimeLimitUnit.Months), At(10, 31, 10), At(11, 10, 10), new Pause(At(11, 2, 10), At(11, 5, 10), "特别程序"));
        Assert.Equal((30, 3, new DateOnly(2026, 12, 3), 7), (reading.Limit, reading.Paused, reading.Deadline, reading.Used));
    }

    [Fact]
    public void Working_days_stay_as_they_were()
    {
        var days = Read(TimeLimit.InWorkingDays(5), At(9, 29, 10), At(9, 30, 10));
        var legacy = Clock.Read(Calendar, At(9, 29, 10), 5, [], At(9, 30, 10), WarningThreshold.Default);
        Assert.Equal(legacy, days);
        Assert.Equal((ClockUnit.WorkingDays, new DateOnly(2026, 10, 12), (DateTimeOffset?)null), (days.Unit, days.Deadline, days.DueAt));
    }

    [Theory]
    [InlineData(1, true), InlineData(3, true), InlineData(5, true), InlineData(0, false), InlineData(6, false)]
    public void Every_unit_of_the_code_list_is_counted_and_no_other(int unit, bool supported) =>
        Assert.Equal(supported, TimeLimit.IsSupported(unit));

    [Fact]
    public void The_stated_limit_reads_as_the_guide_states_it() =>
        Assert.Equal(("4小时", "20个工作日", "3个月"), (new TimeLimit(4, TimeLimitUnit.Hours).ToString(), TimeLimit.InWorkingDays(20).ToString(),
            new TimeLimit(3, TimeLimitUnit.Months).ToString()));
}

using Approval.Calendar;

namespace Approval.UnitTests;

public sealed class ClockTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendarTests.Demo;
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    private static DateTimeOffset At(int month, int day, int hour = 10) => new(2026, month, day, hour, 0, 0, Shanghai);

    private static ClockReading Read(DateTimeOffset now, params Pause[] pauses) =>
        Clock.Read(Calendar, At(9, 29), 5, pauses, now, WarningThreshold.Default);

    // Accepted Tue 29 Sep 2026, limit 5: 30 Sep (1), 1–7 Oct off, 8 (2), 9 (3), Sat 10 make-up (4), Mon 12 (5).
    [Fact]
    public void The_deadline_runs_across_National_Day_with_its_make_up_Saturday() =>
        Assert.Equal(new DateOnly(2026, 10, 12), Read(At(9, 30)).Deadline);

    [Fact]
    public void The_state_moves_from_on_time_to_warning_to_overdue()
    {
        var early = Read(At(9, 30));
        Assert.Equal((1, 4, ClockState.OnTime), (early.Used, early.Remaining, early.State));
        var late = Read(At(10, 9));   // used 30 Sep, 8, 9 Oct = 3; 2 left ≤ 2 → 预警
        Assert.Equal((3, 2, ClockState.Warning), (late.Used, late.Remaining, late.State));
        var over = Read(At(10, 13));  // the day after the deadline
        Assert.Equal(ClockState.Overdue, over.State);
        Assert.Equal("逾期", over.State.ChineseName());
        Assert.True(over.Remaining < 0);
    }

    [Fact]
    public void A_stopped_clock_is_on_time_or_overdue_but_never_a_warning()
    {
        var onTime = Clock.Read(Calendar, At(9, 29), 5, [], At(10, 9), WarningThreshold.Default, stopped: true);
        Assert.Equal((2, ClockState.OnTime, true), (onTime.Remaining, onTime.State, onTime.Stopped));
        Assert.False(Read(At(10, 9)).Stopped);
        var late = Clock.Read(Calendar, At(9, 29), 5, [], At(10, 13), WarningThreshold.Default, stopped: true);
        Assert.Equal(ClockState.Overdue, late.State);
    }

    [Fact]
    public void A_correction_pause_extends_the_deadline_by_the_working_days_it_lasted()
    {
        // 补正 from 30 Sep to 9 Oct: paused (30 Sep, 9 Oct] = 8, 9 Oct = 2 working days → deadline start + 7 = 14 Oct.
        var pause = new Pause(At(9, 30, 9), At(10, 9, 9), "补正");
        var reading = Read(At(10, 12), pause);
        Assert.Equal(2, reading.Paused);
        Assert.Equal(new DateOnly(2026, 10, 14), reading.Deadline);
        Assert.Equal(3, reading.Used); // 30 Sep, 8, 9, 10, 12 Oct = 5, less 2 paused
        Assert.False(reading.IsPaused);
    }

    [Fact]
    public void An_open_pause_keeps_growing_and_the_clock_shows_it_paused()
    {
        var open = new Pause(At(9, 30, 9), null, "特别程序：专家评审");
        var reading = Read(At(10, 12), open);
        Assert.True(reading.IsPaused);
        Assert.Equal(4, reading.Paused); // (30 Sep, 12 Oct] = 8, 9, 10, 12 Oct, counted to today
        Assert.Equal(ClockState.OnTime, reading.State);
    }

    [Fact]
    public void Pauses_only_ever_extend_the_deadline()
    {
        var random = new Random(7);
        for (var i = 0; i < 500; i++)
        {
            var accepted = new DateTimeOffset(2025, 1, 2, 9, 0, 0, Shanghai).AddDays(random.Next(0, 500));
            var limit = random.Next(1, 30);
            var now = accepted.AddDays(random.Next(0, 60));
            var pauses = Enumerable.Range(0, random.Next(0, 3)).Select(_ =>
            {
                var start = accepted.AddDays(random.Next(0, 40));
                return new Pause(start, start.AddDays(random.Next(0, 15)), "补正");
            }).ToArray();
            var without = Clock.Read(Calendar, accepted, limit, [], now, WarningThreshold.Default);
            var with = Clock.Read(Calendar, accepted, limit, pauses, now, WarningThreshold.Default);
            Assert.True(with.Deadline >= without.Deadline, $"pauses moved the deadline earlier: {with.Deadline} < {without.Deadline}");
            Assert.True(with.Remaining >= without.Remaining);
        }
    }

    [Fact]
    public void Overlapping_pauses_merge_and_an_open_one_swallows_what_follows()
    {
        var merged = Pause.Merge([new(At(10, 12), null, "特别程序"), new(At(9, 30), At(10, 9), "补正"), new(At(10, 8), At(10, 10), "特别程序"),
            new(At(10, 20), At(10, 22), "补正")]);
        Assert.Equal([(At(9, 30), (DateTimeOffset?)At(10, 10), "补正；特别程序"), (At(10, 12), null, "特别程序；补正")],
            merged.Select(p => (p.Start, p.End, p.Reason)));
    }

    // Accepted Mon 14 Dec 2026 with 15 working days: 15–18, 21–25, 28–31 Dec are 13 (2026 loaded), then Fri 1 Jan (14) and
    // Mon 4 Jan 2027 (15) on weekdays only — 2027 is not loaded, so the clock says it is provisional (暂定).
    [Fact]
    public void A_deadline_in_a_year_not_loaded_is_counted_on_weekdays_and_marked_provisional()
    {
        var reading = Clock.Read(Calendar, At(12, 14), 15, [], At(12, 16), WarningThreshold.Default);
        Assert.Equal((new DateOnly(2027, 1, 4), true), (reading.Deadline, reading.Provisional));
        Assert.False(Clock.Read(Calendar, At(12, 1), 5, [], At(12, 2), WarningThreshold.Default).Provisional);
    }
}

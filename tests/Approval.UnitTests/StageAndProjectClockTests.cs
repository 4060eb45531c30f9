using Approval.Approvals.Domain;
using Approval.Calendar;

namespace Approval.UnitTests;

/// <summary>R-T: a stage instance's clock runs from 受理 with the stage's limit and stops at its conclusion; a project's adds its stages up.</summary>
public sealed class StageAndProjectClockTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendarTests.Demo;
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    private static DateTimeOffset At(int month, int day) => new(2026, month, day, 10, 0, 0, Shanghai);

    private static (StageInstance Stage, List<ItemInstance> Items) Stage(int? limit, DateTimeOffset acceptedAt)
    {
        var stage = new StageInstance
        {
            Id = Guid.NewGuid(), ApplicationId = Guid.NewGuid(), RegionCode = "320193", StageNo = 3, AcceptedAt = acceptedAt,
            ProjectCode = "2509-320193-89-01-544060", TimeLimitWorkingDays = limit,
        };
        var item = OrderedDecisionTests.Open(stage, "I0", "事项0").WithCatalogRules(null, true, false);
        return (stage, [item]);
    }

    // Accepted Thu 24 Sep 2026 (limit 15), by regions/320193/calendar.json (2026: holidays 09-25/09-27 and 10-01/10-07,
    // make-up working day Sat 10-10); the day of acceptance does not count:
    //   Fri 25 Sep 中秋节, Sat 26–Sun 27 off → Mon 28 (1), Tue 29 (2), Wed 30 (3); Thu 1–Wed 7 Oct 国庆节 off;
    //   Thu 8 (4), Fri 9 (5), Sat 10 make-up (6), Sun 11 off, Mon 12–Fri 16 (7–11), Sat 17–Sun 18 off, Mon 19 (12),
    //   Tue 20 (13), Wed 21 (14), Thu 22 Oct (15) → the deadline is Thu 22 October 2026; by Wed 30 Sep 3 are used, 12 remain.
    [Fact]
    public void A_running_stage_counts_from_acceptance_across_the_holiday()
    {
        var (stage, _) = Stage(15, At(9, 24));
        var reading = stage.ReadClock(Calendar, [], At(9, 30), WarningThreshold.Default)!;
        Assert.Equal((3, 12, ClockState.OnTime), (reading.Used, reading.Remaining, reading.State));
        Assert.Equal(new DateOnly(2026, 10, 22), reading.Deadline);
    }

    [Fact]
    public void A_concluded_stage_stops_its_clock_at_the_conclusion()
    {
        var (stage, items) = Stage(15, At(9, 24));
        items[0].Start(At(9, 28));
        items[0].Conclude(true, "准予", At(9, 29));
        Assert.True(stage.ConcludeIfDue(items, At(9, 29)));
        var later = stage.ReadClock(Calendar, [], At(11, 20), WarningThreshold.Default)!;
        Assert.Equal((2, 13, ClockState.OnTime), (later.Used, later.Remaining, later.State));
    }

    [Fact]
    public void A_stage_opened_before_its_limit_was_kept_has_no_clock() =>
        Assert.Null(Stage(null, At(9, 24)).Stage.ReadClock(Calendar, [], At(9, 30), WarningThreshold.Default));

    [Fact]
    public void The_project_clock_adds_up_its_stages_and_warns_only_while_one_runs()
    {
        var (first, items) = Stage(10, At(9, 1));
        items[0].Start(At(9, 2));
        items[0].Conclude(true, "准予", At(9, 8)); // 2–8 Sep: 5 working days
        first.ConcludeIfDue(items, At(9, 8));
        var (second, _) = Stage(5, At(9, 24));
        var readings = new[] { first, second }.Select(s => (s.ReadClock(Calendar, [], At(9, 30), WarningThreshold.Default)!, s.Status == StageStatus.InProgress)).ToList();

        var project = ProjectClock.Of(readings, WarningThreshold.Default);
        Assert.Equal((15, 5 + 3, 7, true), (project.LimitWorkingDays, project.UsedWorkingDays, project.RemainingWorkingDays, project.Running));
        Assert.Equal(ClockState.OnTime, project.State);

        var nearlyDone = ProjectClock.Of([(readings[0].Item1 with { Used = 9 }, false), readings[1]], WarningThreshold.Default);
        Assert.Equal((3, ClockState.Warning), (nearlyDone.RemainingWorkingDays, nearlyDone.State));
        var stopped = ProjectClock.Of([(readings[0].Item1 with { Used = 9 }, false), (readings[1].Item1, false)], WarningThreshold.Default);
        Assert.Equal(ClockState.OnTime, stopped.State);
        var over = ProjectClock.Of([(readings[0].Item1 with { State = ClockState.Overdue }, false), readings[1]], WarningThreshold.Default);
        Assert.Equal(ClockState.Overdue, over.State);
    }

    // The same stage (accepted Thu 24 Sep, limit 15, deadline Thu 22 Oct unpaused) with two items in special procedures:
    //   item A from Mon 28 Sep to Thu 8 Oct, item B from Wed 30 Sep to Fri 9 Oct — overlapping, so the stage is paused
    //   once, from 28 Sep to 9 Oct: (28 Sep, 9 Oct] = Tue 29, Wed 30 Sep, Thu 8, Fri 9 Oct = 4 working days (1–7 Oct
    //   国庆节 off). Counted per item it would be 3 + 2 = 5. The deadline moves 4 working days past Thu 22 Oct:
    //   Fri 23, Mon 26, Tue 27, Wed 28 Oct. On Mon 12 Oct (29, 30 Sep, 8, 9, Sat 10 make-up, 12 Oct — and Mon 28 Sep —
    //   are 7 working days since acceptance) 7 − 4 = 3 are used and 12 remain.
    [Fact]
    public void Items_paused_by_special_procedures_pause_the_stage_once_across_the_holiday()
    {
        var (stage, _) = Stage(15, At(9, 24));
        Pause[] pauses = [new(At(9, 28), At(10, 8), "特别程序"), new(At(9, 30), At(10, 9), "特别程序")];
        var reading = stage.ReadClock(Calendar, pauses, At(10, 12), WarningThreshold.Default)!;
        Assert.Equal((4, 3, 12), (reading.Paused, reading.Used, reading.Remaining));
        Assert.Equal(new DateOnly(2026, 10, 28), reading.Deadline);

        var project = ProjectClock.Of([(reading, true)], WarningThreshold.Default);
        Assert.Equal((15, 3, 12), (project.LimitWorkingDays, project.UsedWorkingDays, project.RemainingWorkingDays));
    }
}

using Approval.Approvals.Domain;
using Approval.Calendar;
using Approval.Contracts;

namespace Approval.UnitTests;

/// <summary>
/// Issue 15's "done when", on the domain: the construction-permit stage applied for as 社会投资 (stage limit 10 working
/// days), one item paused by a special procedure and one by a department 补正, overlapping across 国庆节 — the stage and
/// project clocks are extended by exactly the paused working days (counted once where the pauses overlap), and the stage
/// concludes when both items did. (End to end: FlowTypeTests, ItemCorrectionTests, ParallelApprovalTests, SkeletonCaseTests.)
/// </summary>
public sealed class PausedStageDoneWhenTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendarTests.Demo;
    private static DateTimeOffset At(int month, int day, int hour = 10) => new(2026, month, day, hour, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void A_special_procedure_and_a_correction_extend_the_stage_and_project_deadlines_by_the_paused_working_days()
    {
        var stage = new StageInstance
        {
            Id = Guid.NewGuid(), ApplicationId = Guid.NewGuid(), RegionCode = "320193", StageNo = 3, AcceptedAt = At(9, 24),
            ProjectCode = "2509-320193-89-01-544060", TimeLimitWorkingDays = 10, FlowCode = "320193-SH-FJ", FlowVersion = 1,
        };
        var permit = OrderedDecisionTests.Open(stage, "320193-ZJ-SG-001", "建筑工程施工许可证核发").WithCatalogRules(null, true, false);
        var waste = OrderedDecisionTests.Open(stage, "320193-CG-SG-001", "建筑垃圾处置核准", "CGJ").WithCatalogRules(null, true, false);
        permit.Start(At(9, 24));
        waste.Start(At(9, 24));

        // Unpaused, 10 working days after Thu 24 Sep (25 Sep 中秋节 and 1–7 Oct off, Sat 10 Oct worked): 28, 29, 30 Sep,
        // 8, 9, 10, 12, 13, 14, 15 Oct → Thu 15 Oct.
        Assert.Equal(new DateOnly(2026, 10, 15), stage.ReadClock(Calendar, [], At(9, 28), WarningThreshold.Default)!.Deadline);

        // 现场勘查 on the permit from Mon 28 Sep to Fri 9 Oct: 29, 30 Sep, 8, 9 Oct paused (4).
        var procedure = permit.StartSpecialProcedure(SpecialProcedureType.SiteSurvey, "现场勘查", 5, At(9, 28));
        permit.EndSpecialProcedure(procedure, "勘查合格", At(10, 9));
        // 补正 of the waste item from Thu 8 Oct to Tue 13 Oct: 9, 10 (make-up Saturday), 12, 13 Oct paused (4).
        var correction = waste.StartCorrection([("施工合同", "合同价款页缺失")], null, new DateOnly(2026, 10, 8), "城管局 李四", At(10, 8));
        waste.EndCorrection(correction, "申请人", "已补", [new CorrectionFile("施工合同", Guid.NewGuid(), "合同.pdf")], At(10, 13));
        Pause[] pauses = [procedure.Pause(), correction.Pause()];

        // Each item's own clock is extended by its own pause …
        Assert.Equal(4, permit.ReadClock(Calendar, [procedure.Pause()], At(10, 14), WarningThreshold.Default).Paused);
        Assert.Equal(4, waste.ReadClock(Calendar, [correction.Pause()], At(10, 14), WarningThreshold.Default).Paused);
        // … the stage's by both, overlapping 9 Oct counted once: (28 Sep, 13 Oct] = 29, 30 Sep, 8, 9, 10, 12, 13 Oct = 7,
        // so its deadline moves 7 working days past 15 Oct: 16, 19, 20, 21, 22, 23, 26 Oct → Mon 26 Oct.
        var reading = stage.ReadClock(Calendar, pauses, At(10, 14), WarningThreshold.Default)!;
        Assert.Equal((7, new DateOnly(2026, 10, 26), 10), (reading.Paused, reading.Deadline, reading.Limit));
        // Used by Wed 14 Oct: 9 working days since acceptance less the 7 paused = 2; the project clock adds the same.
        Assert.Equal((2, 8, false), (reading.Used, reading.Remaining, reading.IsPaused));
        var project = ProjectClock.Of([(reading, true)], WarningThreshold.Default);
        Assert.Equal((10, 2, 8, ClockState.OnTime), (project.LimitWorkingDays, project.UsedWorkingDays, project.RemainingWorkingDays, project.State));

        // Both concluded: the stage concludes (milestone rule 1) and its clock stops with the days it used.
        permit.Conclude(true, "准予许可", At(10, 15));
        Assert.False(stage.ConcludeIfDue([permit, waste], At(10, 15)));
        waste.Conclude(true, "准予核准", At(10, 16));
        Assert.True(stage.ConcludeIfDue([permit, waste], At(10, 16)));
        var stopped = stage.ReadClock(Calendar, pauses, At(10, 20), WarningThreshold.Default)!;
        Assert.Equal((true, 4, ClockState.OnTime, ProcessingStatus.Approved), (stopped.Stopped, stopped.Used, stopped.State, permit.Status));
    }
}

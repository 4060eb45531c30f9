using Approval.Approvals.Domain;
using Approval.Calendar;
using Approval.Contracts;
using Approval.Contracts.Errors;

namespace Approval.UnitTests;

/// <summary>补正 of an item in its department (6/7): the list, the transitions and the pause on the item's and the stage's clocks.</summary>
public sealed class ItemCorrectionTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendarTests.Demo;
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private static DateTimeOffset At(int month, int day) => new(2026, month, day, 10, 0, 0, Shanghai);
    private static DateOnly Day(int month, int day) => new(2026, month, day);

    private static (StageInstance Stage, ItemInstance Item) Accepted(DateTimeOffset at)
    {
        var stage = new StageInstance
        {
            Id = Guid.NewGuid(), ApplicationId = Guid.NewGuid(), RegionCode = "320193", StageNo = 3, AcceptedAt = at,
            ProjectCode = "2509-320193-89-01-544060", TimeLimitWorkingDays = 15,
        };
        var item = ItemInstance.Open(stage, "320193", stage.ProjectCode, "示范项目", "示范建设有限公司", "320193-ZJ-SG-001",
            "建筑工程施工许可证核发", "ZJJ", "住建局", "11320193MB0001001K", 5, null, null, at);
        return (stage, item);
    }

    private static readonly (string?, string?)[] List = [(" 施工图设计文件 ", " 缺少审图机构签章 "), ("施工合同", "合同价款页缺失")];

    [Fact]
    public void A_correction_lists_what_is_missing_pauses_and_the_answer_ends_it()
    {
        var (_, item) = Accepted(At(9, 24));
        item.Start(At(9, 24));
        var correction = item.StartCorrection(List, Day(10, 16), Day(9, 28), "住建局 张三", At(9, 28));
        Assert.Equal(ProcessingStatus.CorrectionStarted, item.Status);
        Assert.Equal([new CorrectionEntry("施工图设计文件", "缺少审图机构签章"), new CorrectionEntry("施工合同", "合同价款页缺失")], correction.Entries);
        Assert.Equal("1. 施工图设计文件：缺少审图机构签章；2. 施工合同：合同价款页缺失", correction.Summary());
        Assert.Throws<InvalidTransitionException>(() => item.Conclude(true, "准予许可", At(9, 29)));

        var file = new CorrectionFile("施工图设计文件", Guid.NewGuid(), "施工图.pdf");
        item.EndCorrection(correction, "申请人", " 已补签章 ", [file], At(10, 9));
        Assert.Equal(ProcessingStatus.CorrectionEnded, item.Status);
        Assert.Equal((At(10, 9), "已补签章", file), (correction.EndedAt!.Value, correction.Note, correction.Files.Single()));
        Assert.Throws<InvalidTransitionException>(() => item.EndCorrection(correction, "申请人", null, [], At(10, 9)));
        item.Conclude(true, "准予许可", At(10, 12));
        Assert.Equal(ProcessingStatus.Approved, item.Status);
    }

    [Fact]
    public void An_item_not_started_cannot_be_sent_to_correction()
    {
        var (_, item) = Accepted(At(9, 24));
        var e = Assert.Throws<InvalidTransitionException>(() => item.StartCorrection(List, null, Day(9, 28), "住建局", At(9, 28)));
        Assert.Equal((ProcessingStatus.Accepted, ProcessingStatus.CorrectionStarted), (e.Current, e.Attempted));
    }

    [Fact]
    public void The_list_needs_an_entry_each_with_material_and_problem_within_bounds_and_a_due_date_after_today()
    {
        var (_, item) = Accepted(At(9, 24));
        item.Start(At(9, 24));
        Assert.Equal(["entries"], Assert.Throws<ValidationException>(() => item.StartCorrection([], null, Day(9, 28), "住建局", At(9, 28))).Errors.Keys);
        Assert.Equal(["entries"], Assert.Throws<ValidationException>(() => item.StartCorrection(null, null, Day(9, 28), "住建局", At(9, 28))).Errors.Keys);
        var e = Assert.Throws<ValidationException>(() =>
            item.StartCorrection([(" ", "缺签章"), ("施工合同", new string('长', ItemCorrection.MaxProblemLength + 1)), (null, null)], Day(9, 28), Day(9, 28), "住建局", At(9, 28)));
        Assert.Equal(["due", "entries[0].material", "entries[1].problem", "entries[2].material", "entries[2].problem"], e.Errors.Keys.Order());
        var tooMany = Enumerable.Range(0, ItemCorrection.MaxEntries + 1).Select(i => ((string?)$"材料{i}", (string?)"缺失")).ToList();
        Assert.Equal(["entries"], Assert.Throws<ValidationException>(() => item.StartCorrection(tooMany, null, Day(9, 28), "住建局", At(9, 28))).Errors.Keys);
        Assert.Equal(ProcessingStatus.DepartmentStarted, item.Status);
    }

    // Accepted Thu 24 Sep 2026 (item limit 5, stage limit 15; regions/320193/calendar.json: 25 Sep 中秋节, 1–7 Oct 国庆节,
    // Sat 10 Oct make-up day). Unpaused the item is due Mon 28, Tue 29, Wed 30 Sep, Thu 8, Fri 9 Oct → Fri 9 Oct and the stage
    // Thu 22 Oct. 补正 from Mon 28 Sep to Fri 9 Oct pauses (28 Sep, 9 Oct] = Tue 29, Wed 30 Sep, Thu 8, Fri 9 Oct: 4 working
    // days (the holiday costs nothing). The item is due 4 working days later: Sat 10 (make-up), Mon 12, Tue 13, Wed 14 Oct;
    // the stage Fri 23, Mon 26, Tue 27, Wed 28 Oct. On Mon 12 Oct the item has used 7 − 4 = 3 days.
    [Fact]
    public void A_correction_across_the_holiday_extends_the_item_and_stage_deadlines_by_the_paused_working_days()
    {
        var (stage, item) = Accepted(At(9, 24));
        item.Start(At(9, 24));
        Assert.Equal(Day(10, 9), item.ReadClock(Calendar, [], At(9, 28), WarningThreshold.Default).Deadline);
        Assert.Equal(Day(10, 22), stage.ReadClock(Calendar, [], At(9, 28), WarningThreshold.Default)!.Deadline);

        var correction = item.StartCorrection(List, null, Day(9, 28), "住建局", At(9, 28));
        var paused = item.ReadClock(Calendar, [correction.Pause()], At(9, 30), WarningThreshold.Default);
        Assert.True(paused.IsPaused);
        item.EndCorrection(correction, "申请人", null, [], At(10, 9));

        var reading = item.ReadClock(Calendar, [correction.Pause()], At(10, 12), WarningThreshold.Default);
        Assert.Equal((Day(10, 14), 4, 3, false), (reading.Deadline, reading.Paused, reading.Used, reading.IsPaused));
        var stageReading = stage.ReadClock(Calendar, [correction.Pause()], At(10, 12), WarningThreshold.Default)!;
        Assert.Equal((Day(10, 28), 4), (stageReading.Deadline, stageReading.Paused));
        var project = ProjectClock.Of([(stageReading, true)], WarningThreshold.Default);
        Assert.Equal((15, 3, 12), (project.LimitWorkingDays, project.UsedWorkingDays, project.RemainingWorkingDays));
    }
}

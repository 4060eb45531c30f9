using Approval.Approvals.Domain;
using Approval.Calendar;
using Approval.Contracts;
using Approval.Contracts.Errors;

namespace Approval.UnitTests;

public sealed class SpecialProcedureTests
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private static DateTimeOffset At(int month, int day) => new(2026, month, day, 10, 0, 0, Shanghai);

    private static ItemInstance StartedItem()
    {
        var stage = new StageInstance { Id = Guid.NewGuid(), ApplicationId = Guid.NewGuid(), RegionCode = "320193", StageNo = 3, AcceptedAt = At(9, 29) };
        var item = ItemInstance.Open(stage, "320193", "2509-320193-89-01-544060", "示范项目", "示范建设有限公司", "320193-ZJ-SG-001",
            "建筑工程施工许可证核发", "ZJJ", "住建局", "11320193MB0001001K", 5, null, null, At(9, 29));
        item.Start(At(9, 29));
        return item;
    }

    [Fact]
    public void A_special_procedure_pauses_the_item_and_ending_it_records_the_result()
    {
        var item = StartedItem();
        var procedure = item.StartSpecialProcedure(SpecialProcedureType.ExpertReview, " 消防专家评审 ", 5, At(9, 30));
        Assert.Equal(ProcessingStatus.SpecialProcedureStarted, item.Status);
        Assert.Equal("消防专家评审", procedure.Reason);

        item.EndSpecialProcedure(procedure, "评审通过", At(10, 9));
        Assert.Equal(ProcessingStatus.SpecialProcedureEnded, item.Status);
        Assert.Equal((At(10, 9), "评审通过"), (procedure.EndedAt!.Value, procedure.Result));
        item.Conclude(true, "准予许可", At(10, 12));
        Assert.Equal(ProcessingStatus.Approved, item.Status);
    }

    [Fact]
    public void Ending_a_special_procedure_that_never_started_is_an_illegal_transition()
    {
        var item = StartedItem();
        var e = Assert.Throws<InvalidTransitionException>(() => item.EndSpecialProcedure(null, "结果", At(9, 30)));
        Assert.Equal((ProcessingStatus.DepartmentStarted, ProcessingStatus.SpecialProcedureEnded), (e.Current, e.Attempted));
    }

    [Fact]
    public void A_special_procedure_needs_a_known_type_a_reason_and_a_planned_length()
    {
        var item = StartedItem();
        var e = Assert.Throws<ValidationException>(() => item.StartSpecialProcedure((SpecialProcedureType)7, " ", 0, At(9, 30)));
        Assert.Equal(["plannedWorkingDays", "reason", "type"], e.Errors.Keys.Order());
        Assert.Equal(ProcessingStatus.DepartmentStarted, item.Status);
    }

    [Fact]
    public void The_items_clock_pauses_during_the_procedure_and_stops_at_the_conclusion()
    {
        var item = StartedItem();
        var procedure = item.StartSpecialProcedure(SpecialProcedureType.PublicNotice, "规划公示", 7, At(9, 30));
        item.EndSpecialProcedure(procedure, "公示无异议", At(10, 9));
        item.Conclude(true, "准予许可", At(10, 12));
        // Paused (30 Sep, 9 Oct] = 8, 9 Oct: deadline 29 Sep + 7 = 14 Oct; read long after, the clock stays at the conclusion
        // (used 3, 2 left: a running clock would warn, a stopped one finished on time).
        var reading = item.ReadClock(WorkingCalendarTests.Demo, [procedure.Pause()], At(12, 1), WarningThreshold.Default);
        Assert.Equal((new DateOnly(2026, 10, 14), 2, 3, ClockState.OnTime),
            (reading.Deadline, reading.Paused, reading.Used, reading.State));
    }

    [Fact]
    public void The_parallel_instance_code_is_region_date_and_serial() =>
        Assert.Equal("32019320261125000042", ParallelInstanceCode.Create("320193", new DateOnly(2026, 11, 25), 42));
}

public sealed class MaterialsToFollowTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateOnly Today = new(2026, 3, 2);

    private static ItemInstance StartedItem()
    {
        var stage = new StageInstance { Id = Guid.NewGuid(), ApplicationId = Guid.NewGuid(), RegionCode = "320193", StageNo = 3, AcceptedAt = Now };
        var item = ItemInstance.Open(stage, "320193", "2509-320193-89-01-544060", "示范项目", "示范建设有限公司", "320193-ZJ-SG-001",
            "建筑工程施工许可证核发", "ZJJ", "住建局", "11320193MB0001001K", 5, null, null, Now);
        item.Start(Now);
        return item;
    }

    [Fact]
    public void Approval_with_materials_to_follow_records_them_and_their_due_date()
    {
        var item = StartedItem();
        item.ConcludeWithMaterialsToFollow("同意，容缺受理", [" 施工合同 ", "施工合同", "监理合同"], Today.AddDays(10), Today, Now);
        Assert.Equal(ProcessingStatus.ApprovedWithMaterialsToFollow, item.Status);
        Assert.Equal(["施工合同", "监理合同"], item.MaterialsToFollow);
        Assert.Equal(Today.AddDays(10), item.MaterialsDue);
        Assert.Throws<InvalidTransitionException>(() => item.Conclude(true, "再次办结", Now));
    }

    [Fact]
    public void Materials_to_follow_need_a_name_a_future_due_date_and_an_opinion()
    {
        var item = StartedItem();
        var e = Assert.Throws<ValidationException>(() => item.ConcludeWithMaterialsToFollow(" ", [" "], Today, Today, Now));
        Assert.Equal(["materialsDue", "materialsToFollow", "opinion"], e.Errors.Keys.Order());
        Assert.Equal(ProcessingStatus.DepartmentStarted, item.Status);
    }
}

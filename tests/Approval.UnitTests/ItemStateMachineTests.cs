using Approval.Approvals.Domain;
using Approval.Contracts;
using Approval.Contracts.Errors;

namespace Approval.UnitTests;

public sealed class ItemStateMachineTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static readonly HashSet<(ProcessingStatus, ProcessingStatus)> Legal =
    [
        (ProcessingStatus.Accepted, ProcessingStatus.DepartmentStarted),
        (ProcessingStatus.DepartmentStarted, ProcessingStatus.SpecialProcedureStarted),
        (ProcessingStatus.DepartmentStarted, ProcessingStatus.CorrectionStarted),
        (ProcessingStatus.CorrectionStarted, ProcessingStatus.CorrectionEnded),
        (ProcessingStatus.CorrectionEnded, ProcessingStatus.CorrectionStarted),
        (ProcessingStatus.CorrectionEnded, ProcessingStatus.SpecialProcedureStarted),
        (ProcessingStatus.CorrectionEnded, ProcessingStatus.Approved),
        (ProcessingStatus.CorrectionEnded, ProcessingStatus.ApprovedWithMaterialsToFollow),
        (ProcessingStatus.CorrectionEnded, ProcessingStatus.NotApproved),
        (ProcessingStatus.SpecialProcedureEnded, ProcessingStatus.CorrectionStarted),
        (ProcessingStatus.DepartmentStarted, ProcessingStatus.Approved),
        (ProcessingStatus.DepartmentStarted, ProcessingStatus.ApprovedWithMaterialsToFollow),
        (ProcessingStatus.DepartmentStarted, ProcessingStatus.NotApproved),
        (ProcessingStatus.SpecialProcedureStarted, ProcessingStatus.SpecialProcedureEnded),
        (ProcessingStatus.SpecialProcedureEnded, ProcessingStatus.SpecialProcedureStarted),
        (ProcessingStatus.SpecialProcedureEnded, ProcessingStatus.Approved),
        (ProcessingStatus.SpecialProcedureEnded, ProcessingStatus.ApprovedWithMaterialsToFollow),
        (ProcessingStatus.SpecialProcedureEnded, ProcessingStatus.NotApproved),
        (ProcessingStatus.Approved, ProcessingStatus.Revoked),
        (ProcessingStatus.ApprovedWithMaterialsToFollow, ProcessingStatus.Revoked),
        // 撤回: a department recalls its own decision, and decides anew.
        (ProcessingStatus.Approved, ProcessingStatus.Recalled),
        (ProcessingStatus.ApprovedWithMaterialsToFollow, ProcessingStatus.Recalled),
        (ProcessingStatus.NotApproved, ProcessingStatus.Recalled),
        (ProcessingStatus.Recalled, ProcessingStatus.CorrectionStarted),
        (ProcessingStatus.Recalled, ProcessingStatus.SpecialProcedureStarted),
        (ProcessingStatus.Recalled, ProcessingStatus.Approved),
        (ProcessingStatus.Recalled, ProcessingStatus.ApprovedWithMaterialsToFollow),
        (ProcessingStatus.Recalled, ProcessingStatus.NotApproved),
    ];

    public static TheoryData<ProcessingStatus, ProcessingStatus> AllPairs() => ApplicationStateMachineTests.AllPairs();

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Every_pair_of_statuses_is_legal_exactly_when_the_department_rules_allow_it(ProcessingStatus from, ProcessingStatus to)
    {
        Assert.Equal(Legal.Contains((from, to)), ItemStateMachine.CanMove(from, to));
        if (!Legal.Contains((from, to)))
        {
            var e = Assert.Throws<InvalidTransitionException>(() => ItemStateMachine.EnsureCanMove(from, to));
            Assert.Equal((from, to), (e.Current, e.Attempted));
        }
    }

    [Fact]
    public void Concluding_before_the_department_started_is_an_illegal_transition()
    {
        var item = NewItem();
        var e = Assert.Throws<InvalidTransitionException>(() => item.Conclude(true, "同意", Now));
        Assert.Equal(ProcessingStatus.Accepted, e.Current);
        Assert.Equal(ProcessingStatus.Approved, e.Attempted);
        Assert.Equal(ProcessingStatus.Accepted, item.Status);
    }

    [Fact]
    public void A_started_item_concludes_approved_with_its_opinion()
    {
        var item = NewItem();
        item.Start(Now);
        item.Conclude(true, " 符合发证条件，准予许可 ", Now.AddHours(2));
        Assert.Equal(ProcessingStatus.Approved, item.Status);
        Assert.Equal("符合发证条件，准予许可", item.Opinion);
        Assert.Equal(Now.AddHours(2), item.ConcludedAt);
        Assert.Throws<InvalidTransitionException>(() => item.Conclude(false, "再次办结", Now));
    }

    [Fact]
    public void A_started_item_can_conclude_not_approved()
    {
        var item = NewItem();
        item.Start(Now);
        item.Conclude(false, "施工图审查未通过", Now);
        Assert.Equal(ProcessingStatus.NotApproved, item.Status);
    }

    [Fact]
    public void Concluding_without_an_opinion_is_rejected_and_changes_nothing()
    {
        var item = NewItem();
        item.Start(Now);
        var e = Assert.Throws<ValidationException>(() => item.Conclude(true, " ", Now));
        Assert.Contains("opinion", e.Errors.Keys);
        Assert.Equal(ProcessingStatus.DepartmentStarted, item.Status);
    }

    [Fact]
    public void Starting_twice_is_an_illegal_transition()
    {
        var item = NewItem();
        item.Start(Now);
        Assert.Throws<InvalidTransitionException>(() => item.Start(Now));
    }

    private static ItemInstance NewItem() => ItemInstance.Open(
        new StageInstance { Id = Guid.NewGuid(), ApplicationId = Guid.NewGuid(), RegionCode = "320193", StageNo = 3, AcceptedAt = Now }, "320193", "2509-320193-89-01-544060", "示范项目",
        "示范建设有限公司", "320193-ZJ-SG-001", "建筑工程施工许可证核发", "ZJJ", "住建局", "11320193MB0001001K", 5,
        "11100000MB0000001T001", "建筑工程施工许可证", Now);
}

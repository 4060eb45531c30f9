using Approval.Contracts;
using Approval.Contracts.Errors;
using Approval.Intake.Domain;

namespace Approval.UnitTests;

public sealed class ApplicationStateMachineTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    // Every legal move, written out independently of the implementation's table.
    private static readonly HashSet<(ProcessingStatus, ProcessingStatus)> Legal =
    [
        (ProcessingStatus.Received, ProcessingStatus.Accepted),
        (ProcessingStatus.Received, ProcessingStatus.NotAccepted),
        (ProcessingStatus.Received, ProcessingStatus.Refused),
        (ProcessingStatus.Received, ProcessingStatus.CorrectionStarted),
        (ProcessingStatus.Received, ProcessingStatus.Withdrawn),
        (ProcessingStatus.CorrectionStarted, ProcessingStatus.CorrectionEnded),
        (ProcessingStatus.CorrectionStarted, ProcessingStatus.Withdrawn),
        (ProcessingStatus.CorrectionEnded, ProcessingStatus.Accepted),
        (ProcessingStatus.CorrectionEnded, ProcessingStatus.NotAccepted),
        (ProcessingStatus.CorrectionEnded, ProcessingStatus.Refused),
        (ProcessingStatus.CorrectionEnded, ProcessingStatus.CorrectionStarted),
        (ProcessingStatus.CorrectionEnded, ProcessingStatus.Withdrawn),
        // The stage concluded by its milestone rule (issue 15): the application follows it.
        (ProcessingStatus.Accepted, ProcessingStatus.Approved),
        (ProcessingStatus.Accepted, ProcessingStatus.NotApproved),
        // a department's recall (撤回) reopens the stage: the application is in progress again
        (ProcessingStatus.Approved, ProcessingStatus.Accepted),
        (ProcessingStatus.NotApproved, ProcessingStatus.Accepted),
    ];

    public static TheoryData<ProcessingStatus, ProcessingStatus> AllPairs()
    {
        var data = new TheoryData<ProcessingStatus, ProcessingStatus>();
        foreach (var from in Enum.GetValues<ProcessingStatus>())
            foreach (var to in Enum.GetValues<ProcessingStatus>())
                data.Add(from, to);
        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Every_pair_of_statuses_is_legal_exactly_when_the_window_rules_allow_it(ProcessingStatus from, ProcessingStatus to)
    {
        Assert.Equal(Legal.Contains((from, to)), ApplicationStateMachine.CanMove(from, to));
        if (Legal.Contains((from, to)))
        {
            ApplicationStateMachine.EnsureCanMove(from, to);
        }
        else
        {
            var e = Assert.Throws<InvalidTransitionException>(() => ApplicationStateMachine.EnsureCanMove(from, to));
            Assert.Equal(from, e.Current);
            Assert.Equal(to, e.Attempted);
        }
    }

    [Fact]
    public void A_received_application_can_be_accepted_once_and_then_not_again()
    {
        var application = NewApplication();
        Assert.Equal(ProcessingStatus.Received, application.Status);

        application.Accept(Now);

        Assert.Equal(ProcessingStatus.Accepted, application.Status);
        Assert.Equal(Now, application.DecidedAt);
        var e = Assert.Throws<InvalidTransitionException>(() => application.Accept(Now));
        Assert.Contains("已受理", e.ChineseMessage);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Refusing_needs_a_reason(string? reason)
    {
        var application = NewApplication();
        var e = Assert.Throws<ValidationException>(() => application.Refuse(reason, Now));
        Assert.Contains("reason", e.Errors.Keys);
        Assert.Equal(ProcessingStatus.Received, application.Status);
    }

    [Fact]
    public void Refusing_records_the_reason_and_ends_the_application()
    {
        var application = NewApplication();
        application.Refuse("  材料不属于本阶段  ", Now);
        Assert.Equal(ProcessingStatus.Refused, application.Status);
        Assert.Equal("材料不属于本阶段", application.DecisionReason);
        Assert.Throws<InvalidTransitionException>(() => application.Accept(Now));
        Assert.Throws<InvalidTransitionException>(() => application.Withdraw(Now));
    }

    [Fact]
    public void An_accepted_application_follows_its_stage_to_its_conclusion_once()
    {
        var approved = NewApplication();
        Assert.Throws<InvalidTransitionException>(() => approved.ConcludeStage(true, Now)); // not accepted yet
        approved.Accept(Now);
        Assert.True(approved.ConcludeStage(true, Now.AddDays(3)));
        Assert.Equal((ProcessingStatus.Approved, Now.AddDays(3)), (approved.Status, approved.StageConcludedAt));
        Assert.False(approved.ConcludeStage(true, Now.AddDays(4))); // the event again: nothing changes
        Assert.Equal(Now.AddDays(3), approved.StageConcludedAt);
        Assert.True(approved.WasAccepted);

        var refused = NewApplication();
        refused.Accept(Now);
        refused.ConcludeStage(false, Now);
        Assert.Equal(ProcessingStatus.NotApproved, refused.Status);
        Assert.Throws<InvalidTransitionException>(() => refused.Withdraw(Now));
    }

    [Fact]
    public void An_application_without_items_is_rejected()
    {
        var e = Assert.Throws<ValidationException>(() => Application.Receive("320193", "2509-320193-89-01-544060", "示范项目",
            "a1", "申请人", 3, "施工许可", "{}", [], Now));
        Assert.Contains("itemCodes", e.Errors.Keys);
    }

    internal static Application NewApplication() => Application.Receive(
        "320193", "2509-320193-89-01-544060", "示范项目", "applicant-1", "示范建设有限公司", 3, "施工许可", "{}",
        [new ApplicationItem("320193-ZJ-SG-001", "建筑工程施工许可证核发", "ZJJ", "住建局", "11320193MB0001001K", 5, null, null)],
        Now);
}

using Approval.Calendar;
using Approval.Contracts.Errors;
using Approval.Supervision;
using Approval.Supervision.Domain;
using Microsoft.Extensions.Options;

namespace Approval.UnitTests;

/// <summary>好差评 (R-11.1, issue 19): the levels, the call-back task's order, the answer that closes it, appeals and escalation.</summary>
public sealed class RatingTests
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset Now = new(2026, 9, 29, 10, 0, 0, Shanghai);
    private static readonly RatingMatter Matter = new("320193", "2509-320193-89-01-544060", "施工许可", "ZJJ", "住建局");

    private static Rating Rate(int? level, string? comment = null) =>
        Rating.Create(Rating.Item, Guid.NewGuid(), Matter, "applicant-1", Rating.Online, null, level, comment, Now, DateOnly.FromDateTime(Now.Date));

    private static IReadOnlyDictionary<string, string[]> Invalid(Action act) => Assert.Throws<ValidationException>(act).Errors;

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(6)]
    public void A_level_outside_the_five_is_refused_naming_the_levels(int? level) =>
        Assert.Contains("5 非常不满意", Invalid(() => Rate(level))["level"][0]);

    [Fact]
    public void A_comment_is_optional_and_at_most_500_characters()
    {
        Assert.Null(Rate(1, "  ").Comment);
        Assert.Equal(500, Rate(2, new string('好', 500)).Comment!.Length);
        Assert.True(Invalid(() => Rate(2, new string('好', 501))).ContainsKey("comment"));
    }

    [Theory]
    [InlineData(1, RatingTaskState.None)]
    [InlineData(3, RatingTaskState.None)]
    [InlineData(4, RatingTaskState.Open)]
    [InlineData(5, RatingTaskState.Open)]
    public void Only_a_bad_rating_opens_a_call_back_task(int level, RatingTaskState task) => Assert.Equal(task, Rate(level).TaskState);

    [Fact]
    public void A_very_dissatisfied_rating_goes_through_call_back_rectification_and_answer()
    {
        var r = Rate(5, "材料被反复退回");
        Assert.True(Invalid(() => r.RecordCallBack("已回访", null, "审批员", Now)).ContainsKey("verified"));
        Assert.True(Invalid(() => r.RecordCallBack(" ", true, "审批员", Now)).ContainsKey("note"));
        r.RecordCallBack("已电话回访，情况属实", true, "审批员", Now.AddHours(1));
        Assert.Equal((RatingTaskState.CalledBack, true), (r.TaskState, r.Verified));

        r.StartRectification("一次性告知补正材料", new DateOnly(2026, 10, 19), Now.AddHours(2));
        Assert.Equal(RatingTaskState.Rectifying, r.TaskState);
        // Closing a rectification without an answer (or without its result) is refused, naming the field.
        var errors = Invalid(() => r.Close("", "", "审批员", Now.AddDays(1)));
        Assert.Equal(["answer", "result"], errors.Keys.Order());
        Assert.Equal(RatingTaskState.Rectifying, r.TaskState);

        r.Close("已整改并向您致歉", "已修订一次性告知单", "审批员", Now.AddDays(2));
        Assert.Equal((RatingTaskState.Answered, "已整改并向您致歉", "已修订一次性告知单"), (r.TaskState, r.Answer, r.RectificationResult));
        Assert.NotNull(r.RectifiedAt);
        Assert.Throws<RatingRuleException>(() => r.Close("再次答复", null, "审批员", Now.AddDays(3)));
    }

    [Fact]
    public void A_call_back_that_finds_nothing_to_rectify_can_be_answered_directly()
    {
        var r = Rate(4);
        r.RecordCallBack("回访后申请人表示误解", false, "审批员", Now);
        r.Close("已向您解释办理要求", null, "审批员", Now);
        Assert.Equal((RatingTaskState.Answered, null), (r.TaskState, r.RectifiedAt));
    }

    [Fact]
    public void The_steps_keep_their_order()
    {
        var open = Rate(5);
        Assert.Throws<RatingRuleException>(() => open.StartRectification("整改", new DateOnly(2026, 10, 19), Now));
        Assert.Throws<RatingRuleException>(() => open.Close("答复", null, "审批员", Now));
        Assert.Throws<RatingRuleException>(() => Rate(2).RecordCallBack("回访", true, "审批员", Now));
        open.RecordCallBack("回访", true, "审批员", Now);
        Assert.Throws<RatingRuleException>(() => open.RecordCallBack("再次回访", true, "审批员", Now));
    }

    [Fact]
    public void An_upheld_appeal_takes_the_rating_out_of_the_statistics_and_is_decided_once()
    {
        Assert.Throws<RatingRuleException>(() => Rate(1).FileAppeal("恶意", "审批员", Now));
        var r = Rate(5, "乱评");
        Assert.Throws<RatingRuleException>(() => r.DecideAppeal(true, "成立", "督查", Now));
        Assert.True(Invalid(() => r.FileAppeal("", "审批员", Now)).ContainsKey("reason"));
        r.FileAppeal("评价内容与办件无关，系恶意评价", "审批员", Now);
        Assert.Throws<RatingRuleException>(() => r.FileAppeal("再次申诉", "审批员", Now));
        Assert.True(Invalid(() => r.DecideAppeal(null, "成立", "督查", Now)).ContainsKey("upheld"));
        Assert.True(r.Counts);
        r.DecideAppeal(true, "经核实为恶意评价", "督查", Now);
        Assert.False(r.Counts);
        Assert.Throws<RatingRuleException>(() => r.DecideAppeal(false, "改判", "督查", Now));
    }

    [Fact]
    public void An_overdue_rectification_is_escalated_once_and_an_answered_one_never()
    {
        var deadline = new DateOnly(2026, 10, 19);
        var r = Rate(5);
        r.RecordCallBack("回访", true, "审批员", Now);
        r.StartRectification("整改", deadline, Now);
        Assert.False(r.TakeEscalation(deadline, Now));              // the deadline day itself is still in time
        Assert.True(r.TakeEscalation(deadline.AddDays(1), Now));
        Assert.False(r.TakeEscalation(deadline.AddDays(2), Now));   // once
        Assert.NotNull(r.EscalatedAt);

        var answered = Rate(4);
        answered.RecordCallBack("回访", true, "审批员", Now);
        answered.StartRectification("整改", deadline, Now);
        answered.Close("已答复", "已整改", "审批员", Now);
        Assert.False(answered.TakeEscalation(deadline.AddDays(5), Now));
    }

    [Fact]
    public void The_rectification_deadline_counts_working_days_on_the_region_calendar()
    {
        // Tue 29 Sep 2026 + 10 working days: 30 Sep, (1–7 Oct off), 8, 9, 10 (Sat, make-up), 12–16, 19 Oct.
        var calendar = WorkingCalendarTests.Demo;
        Assert.Equal(new DateOnly(2026, 10, 19), Rating.RectificationDeadlineFrom(calendar, Now, 10));
    }

    [Theory]
    [InlineData(4, false)]
    [InlineData(5, true)]
    [InlineData(15, true)]
    [InlineData(16, false)]
    public void The_region_sets_5_to_15_working_days_for_a_rectification(int days, bool valid)
    {
        var options = new SupervisionOptions { Ratings = new RatingOptions { RectificationWorkingDays = days } };
        var result = new DataAnnotationValidateOptions<SupervisionOptions>(null).Validate(null, options);
        Assert.Equal(valid, result.Succeeded);
        if (!valid) Assert.Contains("RectificationWorkingDays", result.FailureMessage);
    }
}

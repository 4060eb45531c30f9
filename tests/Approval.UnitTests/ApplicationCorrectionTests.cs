using Approval.Contracts;
using Approval.Contracts.Errors;
using Approval.Intake.Domain;

namespace Approval.UnitTests;

/// <summary>补正 at the window: the complete list in one act, the applicant's resubmission, and what is refused meanwhile.</summary>
public sealed class ApplicationCorrectionTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly Correction[] TwoCorrections = [new("施工合同", "缺少盖章页"), new("form.建设规模", "与规划许可不一致")];

    [Fact]
    public void The_correction_loop_runs_received_to_correction_to_corrected_to_accepted()
    {
        var application = ApplicationStateMachineTests.NewApplication();
        application.RequestCorrections(TwoCorrections, Now);
        Assert.Equal(ProcessingStatus.CorrectionStarted, application.Status);
        Assert.Equal(TwoCorrections, application.Corrections);
        Assert.Null(application.DecidedAt);

        application.Correct("{\"建设规模\":\"6万平方米\"}", Now.AddDays(1));
        Assert.Equal(ProcessingStatus.CorrectionEnded, application.Status);
        Assert.Equal("{\"建设规模\":\"6万平方米\"}", application.FormData);
        Assert.Equal(Now.AddDays(1), application.CorrectedAt);

        application.Accept(Now.AddDays(2));
        Assert.Equal(ProcessingStatus.Accepted, application.Status);
    }

    [Fact]
    public void A_second_round_of_corrections_is_possible_after_the_first_is_corrected()
    {
        var application = ApplicationStateMachineTests.NewApplication();
        application.RequestCorrections(TwoCorrections, Now);
        application.Correct(null, Now);
        application.RequestCorrections([new("消纳场所证明", "已过期")], Now.AddDays(1));
        Assert.Equal(ProcessingStatus.CorrectionStarted, application.Status);
        Assert.Equal([new Correction("消纳场所证明", "已过期")], application.Corrections);
        Assert.Null(application.CorrectedAt);
        Assert.Equal("{}", application.FormData);
    }

    [Fact]
    public void An_application_under_correction_cannot_be_accepted_refused_or_corrected_again_by_the_window()
    {
        var application = ApplicationStateMachineTests.NewApplication();
        application.RequestCorrections(TwoCorrections, Now);
        var accept = Assert.Throws<InvalidTransitionException>(() => application.Accept(Now));
        Assert.Equal((ProcessingStatus.CorrectionStarted, ProcessingStatus.Accepted), (accept.Current, accept.Attempted));
        Assert.Throws<InvalidTransitionException>(() => application.Refuse("理由", Now));
        Assert.Throws<InvalidTransitionException>(() => application.RejectOutOfScope("理由", Now));
        Assert.Throws<InvalidTransitionException>(() => application.RequestCorrections(TwoCorrections, Now));
        Assert.Equal(ProcessingStatus.CorrectionStarted, application.Status);
    }

    [Fact]
    public void The_applicant_may_withdraw_during_a_correction_but_not_correct_what_was_never_asked()
    {
        var fresh = ApplicationStateMachineTests.NewApplication();
        Assert.Throws<InvalidTransitionException>(() => fresh.Correct(null, Now));

        var application = ApplicationStateMachineTests.NewApplication();
        application.RequestCorrections(TwoCorrections, Now);
        application.Withdraw(Now);
        Assert.Equal(ProcessingStatus.Withdrawn, application.Status);
        Assert.Throws<InvalidTransitionException>(() => application.Correct(null, Now));
    }

    [Fact]
    public void A_correction_list_must_be_complete_each_entry_naming_subject_and_problem()
    {
        var application = ApplicationStateMachineTests.NewApplication();
        Assert.Contains("corrections", Assert.Throws<ValidationException>(() => application.RequestCorrections([], Now)).Errors.Keys);
        Assert.Contains("corrections", Assert.Throws<ValidationException>(() => application.RequestCorrections(null, Now)).Errors.Keys);
        var e = Assert.Throws<ValidationException>(() => application.RequestCorrections([new("施工合同", " "), new("", "缺页")], Now));
        Assert.Equal(["corrections[0].problem", "corrections[1].subject"], e.Errors.Keys.Order());
        Assert.Equal(ProcessingStatus.Received, application.Status);
    }

    [Fact]
    public void Consulting_is_allowed_until_the_window_decides()
    {
        var application = ApplicationStateMachineTests.NewApplication();
        application.EnsureUndecided("Consultation", "征求意见");
        application.RequestCorrections(TwoCorrections, Now);
        application.EnsureUndecided("Consultation", "征求意见");
        application.Correct(null, Now);
        application.Accept(Now);
        var e = Assert.Throws<IntakeRuleException>(() => application.EnsureUndecided("Consultation", "征求意见"));
        Assert.Contains("已受理", e.ChineseMessage);
    }

    [Fact]
    public void A_department_answers_a_consultation_once_and_with_an_opinion()
    {
        var consultation = new AcceptanceConsultation
        {
            Id = Guid.NewGuid(), ApplicationId = Guid.NewGuid(), RegionCode = "320193", DepartmentCode = "ZJJ", Question = "是否属于本阶段？",
            AskedBy = "窗口", AskedAt = Now,
        };
        Assert.Throws<ValidationException>(() => consultation.Answer(" ", "住建局", Now));
        consultation.Answer(" 属于本阶段，可以受理 ", "住建局", Now);
        Assert.Equal(("属于本阶段，可以受理", Now), (consultation.Opinion, consultation.AnsweredAt));
        Assert.Throws<IntakeRuleException>(() => consultation.Answer("再次答复", "住建局", Now));
        Assert.Equal("属于本阶段，可以受理", consultation.Opinion);
    }

    [Fact]
    public void The_result_notice_needs_an_accepted_application_with_every_item_concluded()
    {
        var application = ApplicationStateMachineTests.NewApplication();
        Assert.Throws<IntakeRuleException>(() => application.IssueResultNotice(true, "窗口", Now));
        application.Accept(Now);
        Assert.Throws<IntakeRuleException>(() => application.IssueResultNotice(false, "窗口", Now));
        application.IssueResultNotice(true, "窗口", Now.AddDays(3));
        application.IssueResultNotice(true, "另一窗口", Now.AddDays(4));
        Assert.Equal((Now.AddDays(3), "窗口"), (application.ResultNoticeIssuedAt, application.ResultNoticeIssuedBy));
    }

    [Fact]
    public void A_counter_submission_records_its_channel_and_the_officer()
    {
        var application = Application.Receive("320193", "2509-320193-89-01-544060", "示范项目", "applicant-1", "示范建设有限公司", 3, "施工许可", "{}",
            [new ApplicationItem("320193-ZJ-SG-001", "施工许可", "ZJJ", "住建局", "11320193MB0001001K", 5, null, null)],
            Now, AcceptanceChannel.Mail, "综合窗口王五");
        Assert.Equal((AcceptanceChannel.Mail, 4, "mail", "综合窗口王五"),
            (application.Channel, (int)application.Channel, application.Channel.EventName(), application.EnteredBy));
        Assert.Equal("online", ApplicationStateMachineTests.NewApplication().Channel.EventName());
        Assert.Equal("counter", AcceptanceChannel.Window.EventName());
    }
}

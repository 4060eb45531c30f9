using Approval.Contracts.Events;
using Approval.Notifications.Domain;

namespace Approval.UnitTests;

/// <summary>The notices of the providers' steps: review agencies, utilities, intermediaries (Notifications, issues 16–18).</summary>
public sealed class ProviderNoticeTextTests
{
    private static readonly Guid Id = Guid.Parse("0193a000-0000-7000-8000-000000000002");
    private static readonly DateTimeOffset At = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_review_notice_names_the_project_the_deadline_the_reason_and_the_conclusion()
    {
        var started = NoticeTexts.For(new ReviewStarted(Id, "320193", "P-1", "construction-drawing", "TSZX", "u1", new DateOnly(2026, 12, 9), At));
        Assert.Equal(("review-started", "您为项目P-1委托的技术审查已由审查机构开始审查，审查期限至2026-12-09。"), (started.Kind, started.Body));
        var supplement = NoticeTexts.For(new ReviewSupplementRequested(Id, "320193", "P-1", "construction-drawing", "TSZX", "u1", "结构计算书缺页", At));
        Assert.Equal("您为项目P-1委托的技术审查需补充材料：结构计算书缺页。请在技术审查页面提交，补充期间审查计时暂停。", supplement.Body);
        var concluded = NoticeTexts.For(new ReviewConcluded(Id, "320193", "P-1", null, "construction-drawing", "施工图审查", "TSZX", "u1",
            "qualified", "合格", true, "SEAL-1", At));
        Assert.Equal(("review-concluded", "您为项目P-1委托的施工图审查已办结，结论：合格，审查结果已加盖电子印章（SEAL-1），可下载。"), (concluded.Kind, concluded.Body));
        var unsealed = NoticeTexts.For(new ReviewConcluded(Id, "320193", "P-1", null, "energy", "节能审查", "TSZX", "u1", "unqualified", "不合格", false, null, At));
        Assert.EndsWith("结论：不合格。", unsealed.Body);
    }

    [Fact]
    public void A_utility_step_and_a_commission_notice_say_what_was_done()
    {
        var step = NoticeTexts.For(new UtilityStepRecorded(Id, "320193", "P-1", "u1", "GSGS", 1, "受理勘查", "已现场勘查", "经办人", At, At));
        Assert.Equal(("utility-step", "您为项目P-1申请的报装（GSGS）第1步“受理勘查”已办理：已现场勘查。"), (step.Kind, step.Body));
        var accepted = NoticeTexts.For(new CommissionAccepted(Id, "320193", "u1", "P-1", "E-1", "feasibility", Guid.NewGuid(), "示范工程咨询有限公司", At));
        Assert.Equal("您为项目P-1委托的中介服务已由示范工程咨询有限公司承接。", accepted.Body);
        var delivered = NoticeTexts.For(new DeliverableDelivered(Guid.NewGuid(), Id, "320193", "u1", "P-1", "E-1", Guid.NewGuid(), "可行性研究报告", "a.pdf", "00", "SEAL-2", At));
        Assert.Equal(("deliverable-delivered", "您为项目P-1委托的中介服务已交付成果“可行性研究报告”（已签章SEAL-2），可在项目材料中使用。"), (delivered.Kind, delivered.Body));
    }
}

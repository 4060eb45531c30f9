using Approval.Contracts.Events;
using Approval.Notifications.Domain;

namespace Approval.UnitTests;

public sealed class NoticeTextTests
{
    private static readonly Guid App = Guid.Parse("0193a000-0000-7000-8000-000000000001");
    private static readonly DateTimeOffset At = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Received_and_accepted_name_the_project_and_what_happens_next()
    {
        var received = NoticeTexts.For(new ApplicationReceived(App, "320193", "2509-320193-89-01-544060", "科创园一期", "u1", "示范建设有限公司", "13800138000", 3, "2", "u1", At));
        Assert.Equal(("received", "申请已接件"), (received.Kind, received.Title));
        Assert.Equal("您的“科创园一期”第3阶段申请已接件，请等待窗口受理。", received.Body);

        var item = new AcceptedItem("I1", "施工许可", "ZJJ", "住建局", "11320193MB0000001X", 5, null, null);
        var accepted = NoticeTexts.For(new ApplicationAccepted(App, "320193", "P", "科创园一期", "u1", "示", 3, [item, item with { ItemCode = "I2" }], "窗口", At));
        Assert.Equal("您的“科创园一期”申请已受理，2个审批事项已同时推送各部门办理。", accepted.Body);
    }

    [Fact]
    public void A_correction_notice_lists_every_correction_in_order()
    {
        var text = NoticeTexts.For(new ApplicationCorrectionRequested(App, "u1", "科创园一期",
            [new CorrectionRequest("施工图", "缺少盖章页"), new CorrectionRequest("form.建设规模", "与立项批复不一致")], "窗口", At));
        Assert.Equal("correction-requested", text.Kind);
        Assert.Equal("您的“科创园一期”申请需补正，请一次性补正以下2项后重新提交：1. 施工图：缺少盖章页；2. form.建设规模：与立项批复不一致。", text.Body);
    }

    [Fact]
    public void An_item_correction_notice_names_the_item_department_due_date_and_every_entry()
    {
        var text = NoticeTexts.For(new ItemCorrectionRequested(Guid.NewGuid(), Guid.NewGuid(), App, "320193", "u1", "科创园一期", "I1", "施工许可", "住建局",
            [new ItemCorrectionEntry("施工图设计文件", "缺少审图章"), new ItemCorrectionEntry("施工合同", "价款页缺失")], new DateOnly(2026, 10, 16), "住建局张三", At));
        Assert.Equal(("item-correction-requested", "审批事项需补正"), (text.Kind, text.Title));
        Assert.Equal("您的“科创园一期”申请事项“施工许可”需补正，住建局一次性告知以下2项，请于2026-10-16前在办理进度页上传补正材料："
            + "1. 施工图设计文件：缺少审图章；2. 施工合同：价款页缺失。补正期间办理时限暂停计算。", text.Body);
    }

    [Fact]
    public void Refusal_carries_the_status_name_and_the_reason()
    {
        var text = NoticeTexts.For(new ApplicationRefused(App, "u1", "科创园一期", 5, "不予受理", "不属于本阶段", "窗口", At));
        Assert.Equal(("申请不予受理", "您的“科创园一期”申请不予受理，理由：不属于本阶段。"), (text.Title, text.Body));
    }

    [Theory]
    [InlineData(true, "办结（通过），意见：符合条件")]
    [InlineData(false, "办结（不通过），理由：符合条件")]
    public void A_conclusion_says_approved_or_not_with_the_opinion(bool approved, string expected)
    {
        var text = NoticeTexts.For(new ItemInstanceConcluded(Guid.NewGuid(), App, "320193", "P", "科创园一期", "示", "I1", "施工许可",
            approved, "符合条件", "ZJJ", "住建局", "11320193MB0000001X", null, null, At));
        Assert.Equal("concluded", text.Kind);
        Assert.Contains("“施工许可”已由住建局" + expected, text.Body);
    }

    [Fact]
    public void A_licence_notice_names_the_certificate_and_its_identifier_and_an_sms_is_signed()
    {
        var text = NoticeTexts.For(new LicenceIssued(Guid.NewGuid(), "1.2.156.3005.2.X.Y.1.001.U", "建筑工程施工许可证", Guid.NewGuid(), App, "I1", "住建局", At));
        Assert.Equal("您的电子证照“建筑工程施工许可证”已由住建局签发，证照标识：1.2.156.3005.2.X.Y.1.001.U，可在电子证照库查看。", text.Body);
        Assert.Equal("【工程建设项目审批】" + text.Body, NoticeTexts.Sms(text.Body));
    }

    [Fact]
    public void A_stage_conclusion_names_the_project_and_stage_and_when_not_approved_every_refused_item_with_its_reason()
    {
        var items = new List<StageItemOutcome>
        {
            new("I1", "施工许可", "ZJJ", 11, "办结（通过）", "准予"),
            new("I2", "建筑垃圾处置核准", "CGJ", 13, "办结（不通过）", "消纳场所不符合要求"),
        };
        var approved = NoticeTexts.For(new StageInstanceConcluded(Guid.NewGuid(), App, "320193", 3, null, 1, true, items, At, "P", "科创园一期"));
        Assert.Equal(("stage-concluded", "阶段已办结"), (approved.Kind, approved.Title));
        Assert.Equal("您的“科创园一期”第3阶段申请已办结（通过），可查看办理结果。", approved.Body);
        var refused = NoticeTexts.For(new StageInstanceConcluded(Guid.NewGuid(), App, "320193", 3, null, 2, false, items, At, "P", "科创园一期"));
        Assert.Equal("您的“科创园一期”第3阶段申请已办结（不通过），不通过事项：建筑垃圾处置核准（消纳场所不符合要求）。", refused.Body);
    }
}

using Approval.Contracts.Events;

namespace Approval.Notifications.Domain;

/// <summary>
/// The notices of the providers' steps: a review agency's 开始 / 补充材料 / 办结, each utility step, and an
/// intermediary's acceptance and delivery. They concern no application: the notice is keyed by the review, request or
/// commission and addressed to its applicant (the event's owner) at once.
/// </summary>
public static partial class NoticeTexts
{
    public static NoticeText For(ReviewStarted e) =>
        new("review-started", "技术审查已开始", $"您为项目{e.ProjectCode}委托的技术审查已由审查机构开始审查，审查期限至{e.Deadline:yyyy-MM-dd}。");

    public static NoticeText For(ReviewSupplementRequested e) =>
        new("review-supplement-requested", "技术审查需补充材料",
            $"您为项目{e.ProjectCode}委托的技术审查需补充材料：{e.Reason}。请在技术审查页面提交，补充期间审查计时暂停。");

    public static NoticeText For(ReviewConcluded e) =>
        new("review-concluded", "技术审查已办结",
            $"您为项目{e.ProjectCode}委托的{e.TypeName}已办结，结论：{e.ConclusionName}" + (e.SealCode is null ? "。" : $"，审查结果已加盖电子印章（{e.SealCode}），可下载。"));

    public static NoticeText For(UtilityStepRecorded e) =>
        new("utility-step", "市政公用报装进度", $"您为项目{e.ProjectCode}申请的报装（{e.UtilityCode}）第{e.StepNo}步“{e.StepName}”已办理：{e.Result}。");

    public static NoticeText For(CommissionAccepted e) =>
        new("commission-accepted", "中介服务已承接", $"您为项目{e.ProjectCode}委托的中介服务已由{e.AgencyName}承接。");

    public static NoticeText For(DeliverableDelivered e) =>
        new("deliverable-delivered", "中介服务成果已交付", $"您为项目{e.ProjectCode}委托的中介服务已交付成果“{e.Name}”（已签章{e.SealCode}），可在项目材料中使用。");
}

using Approval.Contracts.Events;

namespace Approval.Notifications.Domain;

/// <summary>The Chinese text of the notice each event produces (R-6.7: key steps are pushed at once by SMS, web and mobile).</summary>
public static partial class NoticeTexts
{
    public static NoticeText For(ApplicationReceived e) =>
        new("received", "申请已接件", $"您的“{e.ProjectName}”第{e.StageNo}阶段申请已接件，请等待窗口受理。");

    public static NoticeText For(ApplicationAccepted e) =>
        new("accepted", "申请已受理", $"您的“{e.ProjectName}”申请已受理，{e.Items.Count}个审批事项已同时推送各部门办理。");

    public static NoticeText For(ApplicationCorrectionRequested e) =>
        new("correction-requested", "申请需补正",
            $"您的“{e.ProjectName}”申请需补正，请一次性补正以下{e.Corrections.Count}项后重新提交："
            + string.Join("；", e.Corrections.Select((c, i) => $"{i + 1}. {c.Subject}：{c.Problem}")) + "。");

    public static NoticeText For(ApplicationCorrected e) =>
        new("corrected", "补正材料已提交", $"您的“{e.ProjectName}”申请补正材料已提交，窗口将继续审查。");

    public static NoticeText For(ItemCorrectionRequested e) =>
        new("item-correction-requested", "审批事项需补正",
            $"您的“{e.ProjectName}”申请事项“{e.ItemName}”需补正，{e.DepartmentName}一次性告知以下{e.Entries.Count}项"
            + (e.Due is { } due ? $"，请于{due:yyyy-MM-dd}前" : "，请")
            + "在办理进度页上传补正材料："
            + string.Join("；", e.Entries.Select((c, i) => $"{i + 1}. {c.Material}：{c.Problem}")) + "。补正期间办理时限暂停计算。");

    public static NoticeText For(ApplicationRefused e) =>
        new("refused", $"申请{e.StatusName}", $"您的“{e.ProjectName}”申请{e.StatusName}，理由：{e.Reason}。");

    public static NoticeText For(ItemInstanceConcluded e) => e.Approved
        ? new("concluded", "事项已办结", $"您的“{e.ProjectName}”申请事项“{e.ItemName}”已由{e.DepartmentName}办结（通过），意见：{e.Opinion}。")
        : new("concluded", "事项已办结", $"您的“{e.ProjectName}”申请事项“{e.ItemName}”已由{e.DepartmentName}办结（不通过），理由：{e.Opinion}。");

    public static NoticeText For(StageInstanceConcluded e) => e.Approved
        ? new("stage-concluded", "阶段已办结", $"您的“{e.ProjectName ?? e.ProjectCode}”第{e.StageNo}阶段申请已办结（通过），可查看办理结果。")
        : new("stage-concluded", "阶段已办结", $"您的“{e.ProjectName ?? e.ProjectCode}”第{e.StageNo}阶段申请已办结（不通过），不通过事项："
            + string.Join("；", e.Items.Where(i => i.StatusCode == 13).Select(i => $"{i.ItemName}（{i.Opinion}）")) + "。");

    public static NoticeText For(LicenceIssued e) =>
        new("licence-issued", "电子证照已签发", $"您的电子证照“{e.LicenceName}”已由{e.IssuerName}签发，证照标识：{e.Identifier}，可在电子证照库查看。");

    /// <summary>An SMS carries the body behind the system's signature.</summary>
    public static string Sms(string body) => $"【工程建设项目审批】{body}";
}

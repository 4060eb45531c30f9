namespace Approval.Contracts;

/// <summary>The Chinese names of <see cref="ProcessingStatus"/>, exactly as DOMAIN.md writes them.</summary>
public static class ProcessingStatusNames
{
    private static readonly Dictionary<ProcessingStatus, string> Names = new()
    {
        [ProcessingStatus.Received] = "已接件",
        [ProcessingStatus.Withdrawn] = "已撤件",
        [ProcessingStatus.Accepted] = "已受理",
        [ProcessingStatus.NotAccepted] = "不受理",
        [ProcessingStatus.Refused] = "不予受理",
        [ProcessingStatus.CorrectionStarted] = "补正（开始）",
        [ProcessingStatus.CorrectionEnded] = "补正（结束）",
        [ProcessingStatus.DepartmentStarted] = "部门开始办理",
        [ProcessingStatus.SpecialProcedureStarted] = "特别程序（开始）",
        [ProcessingStatus.SpecialProcedureEnded] = "特别程序（结束）",
        [ProcessingStatus.Approved] = "办结（通过）",
        [ProcessingStatus.ApprovedWithMaterialsToFollow] = "办结（容缺通过）",
        [ProcessingStatus.NotApproved] = "办结（不通过）",
        [ProcessingStatus.Recalled] = "撤回",
        [ProcessingStatus.Revoked] = "撤销",
    };

    public static string ChineseName(this ProcessingStatus status) => Names[status];

    public static int Code(this ProcessingStatus status) => (int)status;
}

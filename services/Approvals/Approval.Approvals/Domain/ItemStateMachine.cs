namespace Approval.Approvals.Domain;

/// <summary>
/// The legal moves of an item instance in a department, in DOMAIN.md's codes.
/// 已受理 → 部门开始办理; 部门开始办理 → 补正（开始） / 特别程序（开始） / 办结（通过|容缺通过|不通过）;
/// 补正（开始） → 补正（结束） (the applicant's answer); 特别程序（开始） → 特别程序（结束）;
/// 补正（结束） and 特别程序（结束） → another 补正 or 特别程序, or a conclusion;
/// a conclusion → 撤回 (the department recalls its decision within the region's grace period) → decided anew;
/// an approval can later be 撤销 (revoked), which is final.
/// </summary>
public static class ItemStateMachine
{
    private static readonly ProcessingStatus[] Conclusions =
        [ProcessingStatus.Approved, ProcessingStatus.ApprovedWithMaterialsToFollow, ProcessingStatus.NotApproved];

    private static readonly Dictionary<ProcessingStatus, ProcessingStatus[]> Moves = new()
    {
        [ProcessingStatus.Accepted] = [ProcessingStatus.DepartmentStarted],
        [ProcessingStatus.DepartmentStarted] = [ProcessingStatus.CorrectionStarted, ProcessingStatus.SpecialProcedureStarted, .. Conclusions],
        [ProcessingStatus.CorrectionStarted] = [ProcessingStatus.CorrectionEnded],
        [ProcessingStatus.CorrectionEnded] = [ProcessingStatus.CorrectionStarted, ProcessingStatus.SpecialProcedureStarted, .. Conclusions],
        [ProcessingStatus.SpecialProcedureStarted] = [ProcessingStatus.SpecialProcedureEnded],
        [ProcessingStatus.SpecialProcedureEnded] = [ProcessingStatus.CorrectionStarted, ProcessingStatus.SpecialProcedureStarted, .. Conclusions],
        [ProcessingStatus.Approved] = [ProcessingStatus.Revoked, ProcessingStatus.Recalled],
        [ProcessingStatus.ApprovedWithMaterialsToFollow] = [ProcessingStatus.Revoked, ProcessingStatus.Recalled],
        [ProcessingStatus.NotApproved] = [ProcessingStatus.Recalled],
        [ProcessingStatus.Recalled] = [ProcessingStatus.CorrectionStarted, ProcessingStatus.SpecialProcedureStarted, .. Conclusions],
    };

    public static bool IsConclusion(ProcessingStatus status) => Conclusions.Contains(status);

    public static bool CanMove(ProcessingStatus from, ProcessingStatus to) =>
        Moves.TryGetValue(from, out var allowed) && allowed.Contains(to);

    public static void EnsureCanMove(ProcessingStatus from, ProcessingStatus to)
    {
        if (!CanMove(from, to)) throw new InvalidTransitionException("Item instance 事项实例", from, to);
    }
}

namespace Approval.Intake.Domain;

/// <summary>
/// The legal moves of a stage application at the window, in the status codes of DOMAIN.md.
/// 已接件 → 受理 / 不受理 / 不予受理 / 补正（开始） / 已撤件; 补正（开始） → 补正（结束） / 已撤件;
/// 补正（结束） decides like 已接件. 已受理 → 办结（通过） / 办结（不通过） when its stage concludes by its milestone rule.
/// Every other status is final for the application.
/// </summary>
public static class ApplicationStateMachine
{
    private static readonly ProcessingStatus[] Decisions =
    [
        ProcessingStatus.Accepted, ProcessingStatus.NotAccepted, ProcessingStatus.Refused,
        ProcessingStatus.CorrectionStarted, ProcessingStatus.Withdrawn,
    ];

    private static readonly Dictionary<ProcessingStatus, ProcessingStatus[]> Moves = new()
    {
        [ProcessingStatus.Received] = Decisions,
        [ProcessingStatus.CorrectionStarted] = [ProcessingStatus.CorrectionEnded, ProcessingStatus.Withdrawn],
        [ProcessingStatus.CorrectionEnded] = Decisions,
        [ProcessingStatus.Accepted] = [ProcessingStatus.Approved, ProcessingStatus.NotApproved],
        // A department's recall (撤回) of the decision reopens the stage: the application is in progress again.
        [ProcessingStatus.Approved] = [ProcessingStatus.Accepted],
        [ProcessingStatus.NotApproved] = [ProcessingStatus.Accepted],
    };

    public static bool CanMove(ProcessingStatus from, ProcessingStatus to) =>
        Moves.TryGetValue(from, out var allowed) && allowed.Contains(to);

    public static void EnsureCanMove(ProcessingStatus from, ProcessingStatus to)
    {
        if (!CanMove(from, to)) throw new InvalidTransitionException("Application 申请", from, to);
    }
}

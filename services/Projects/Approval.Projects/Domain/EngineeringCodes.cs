namespace Approval.Projects.Domain;

/// <summary>
/// 工程代码 (DOMAIN.md; no public national format): the project code + "-" + the 3-digit phase number,
/// e.g. 2509-320193-89-01-544060-001. Phases and batches are numbered 001–999 in the order they are generated.
/// </summary>
public static class EngineeringCodes
{
    public const int MaxPhase = 999;

    public static string Format(string projectCode, int phaseNo) =>
        phaseNo is < 1 or > MaxPhase
            ? throw new ArgumentOutOfRangeException(nameof(phaseNo), phaseNo, $"a phase number is 1–{MaxPhase}")
            : $"{projectCode}-{phaseNo:D3}";
}

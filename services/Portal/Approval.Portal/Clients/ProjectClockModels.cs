namespace Approval.Portal.Clients;

/// <summary>
/// The project clock (Approvals GET /api/approvals/projects/{projectCode}/clock): every accepted stage application of the
/// project with its status and clock, and their working days added up (项目时限).
/// </summary>
public sealed record ProjectClock(
    string ProjectCode, int? LimitWorkingDays, int? UsedWorkingDays, int? RemainingWorkingDays, bool Running, string State, string StateName,
    IReadOnlyList<ProjectStageClock> Stages, string? Problem = null);

public sealed record ProjectStageClock(
    Guid StageInstanceId, Guid ApplicationId, int StageNo, int Status, string StatusName, DateTimeOffset AcceptedAt, DateTimeOffset? ConcludedAt,
    Clock? Clock, string? ClockProblem);

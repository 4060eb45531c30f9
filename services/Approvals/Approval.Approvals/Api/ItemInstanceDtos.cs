namespace Approval.Approvals.Api;

public sealed record ItemInstanceDto(
    Guid Id, Guid ApplicationId, Guid StageInstanceId, string? ParallelInstanceCode, string ProjectCode, string ProjectName, string ItemCode, string ItemName,
    string DepartmentCode, string DepartmentName, int TimeLimitWorkingDays, int StatusCode, string StatusName,
    string? Opinion, DateTimeOffset AcceptedAt, DateTimeOffset? StartedAt, DateTimeOffset? ConcludedAt,
    ClockDto? Clock, string? ClockProblem, IReadOnlyList<SpecialProcedureDto> SpecialProcedures,
    IReadOnlyList<string> MaterialsToFollow, DateOnly? MaterialsDue);

/// <summary>The item's clock in working days: 正常 / 预警 / 逾期 (state: OnTime / Warning / Overdue).</summary>
public sealed record ClockDto(
    DateOnly StartDate, DateOnly Deadline, int LimitWorkingDays, int UsedWorkingDays, int RemainingWorkingDays,
    int PausedWorkingDays, bool IsPaused, string State, string StateName);

public sealed record SpecialProcedureDto(
    int Type, string TypeName, string Reason, int PlannedWorkingDays, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, string? Result);

/// <summary>特别程序（开始）: type 1 公示, 2 公告, 3 现场勘查, 4 专家评审, 5 上级部门审批, 9 其他.</summary>
public sealed record StartSpecialProcedureRequest(int? Type, string? Reason, int? PlannedWorkingDays);

/// <summary>特别程序（结束） with its result.</summary>
public sealed record EndSpecialProcedureRequest(string? Result);

public sealed record StartRequest(string? Opinion);

/// <summary>
/// 办结: approved or not, with the department's opinion (required). Approved with <c>materialsToFollow</c> and
/// <c>materialsDue</c> is 办结（容缺通过）.
/// </summary>
public sealed record ConcludeRequest(bool? Approved, string? Opinion, List<string>? MaterialsToFollow = null, DateOnly? MaterialsDue = null);

public sealed record ItemStepDto(int StatusCode, string StatusName, string Actor, string Organisation, string? Opinion, DateTimeOffset OccurredAt);

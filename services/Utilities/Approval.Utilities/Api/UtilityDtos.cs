namespace Approval.Utilities.Api;

/// <summary>One form (一表申请) for one or several utilities of a project's engineering code.</summary>
public sealed record ApplyRequest(string? EngineeringCode, string? Address, List<RequestLine>? Requests);

/// <summary>One utility and service type; RequestType 新装 (default), 增容 or 临时; Demand the capacity, meter size or load.</summary>
public sealed record RequestLine(string? UtilityCode, string? ServiceType, string? RequestType, string? Demand);

public sealed record SurveyBody(string? ConnectionPlan, decimal? Fee, string? Result);
public sealed record StepBody(string? Result);
public sealed record SupplementBody(string? Reason);
public sealed record AnswerBody(string? Answer);
public sealed record EarlyPlanBody(string? Plan);

public sealed record ClockDto(int Limit, int Used, int Remaining, int Paused, bool IsPaused, DateOnly StartDate, DateOnly Deadline,
    string State, string StateName, bool Stopped, bool Provisional);

public sealed record StepDto(int No, string Name, string Kind, int LimitWorkingDays, DateTimeOffset? StartedAt, DateTimeOffset? EndedAt,
    string? Handler, string? Result, ClockDto? Clock);

public sealed record SupplementDto(int StepNo, string Reason, DateTimeOffset RequestedAt, string? RequestedBy, DateTimeOffset? AnsweredAt, string? Answer);

public sealed record RequestDto(Guid Id, Guid ApplicationId, string ProjectCode, string ProjectName, string EngineeringCode, string ApplicantName,
    string UtilityCode, string UtilityName, string ServiceType, string ServiceTypeName, string RequestType, string? Demand, DateTimeOffset AppliedAt,
    string Status, int? CurrentStepNo, string? CurrentStepName, string? ConnectionPlan, decimal? Fee, string? EarlyPlan, DateTimeOffset? EarlyPlanAt,
    DateTimeOffset? ConnectedAt, IReadOnlyList<StepDto> Steps, IReadOnlyList<SupplementDto> Supplements);

public sealed record ApplicationDto(Guid Id, string ProjectCode, string ProjectName, string EngineeringCode, string Address, DateTimeOffset AppliedAt,
    IReadOnlyList<RequestDto> Requests);

public sealed record ProviderDto(string Code, string Name, IReadOnlyList<ServiceTypeDto> ServiceTypes, string Guide, string FeeStandard);
public sealed record ServiceTypeDto(string Code, string Name, IReadOnlyList<StepPlanDto> Steps);
public sealed record StepPlanDto(int No, string Name, string Kind, int LimitWorkingDays);

/// <summary>What Intake asks before it shows a project's design materials to a utility .</summary>
public sealed record ProjectAccessDto(string ProjectCode, string UtilityCode, int Requests);

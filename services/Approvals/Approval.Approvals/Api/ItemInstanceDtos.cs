namespace Approval.Approvals.Api;

public sealed record ItemInstanceDto(
    Guid Id, Guid ApplicationId, string ProjectCode, string ProjectName, string ItemCode, string ItemName,
    string DepartmentCode, string DepartmentName, int TimeLimitWorkingDays, int StatusCode, string StatusName,
    string? Opinion, DateTimeOffset AcceptedAt, DateTimeOffset? StartedAt, DateTimeOffset? ConcludedAt);

public sealed record StartRequest(string? Opinion);

/// <summary>办结: approved or not, with the department's opinion (required).</summary>
public sealed record ConcludeRequest(bool? Approved, string? Opinion);

public sealed record ItemStepDto(int StatusCode, string StatusName, string Actor, string Organisation, string? Opinion, DateTimeOffset OccurredAt);

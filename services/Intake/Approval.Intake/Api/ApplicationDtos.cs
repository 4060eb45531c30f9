using System.Text.Json;

namespace Approval.Intake.Api;

/// <summary>接件: what an applicant submits for one stage.</summary>
public sealed record SubmitApplicationRequest(string? ProjectCode, string? ProjectName, int? StageNo, List<string>? ItemCodes, JsonElement? Form);

/// <summary>A window decision that needs a reason (不予受理, 不受理).</summary>
public sealed record DecisionRequest(string? Reason);

public sealed record ApplicationDto(
    Guid Id, string RegionCode, string ProjectCode, string ProjectName, string ApplicantId, string ApplicantName,
    int StageNo, string StageName, int StatusCode, string StatusName, string? DecisionReason,
    DateTimeOffset ReceivedAt, DateTimeOffset? DecidedAt, IReadOnlyList<ApplicationItemDto> Items);

public sealed record ApplicationItemDto(string ItemCode, int ItemVersion, string ItemName, string DepartmentCode, string DepartmentName, int TimeLimitWorkingDays);

public sealed record ProgressDto(ApplicationDto Application, IReadOnlyList<ProgressEntryDto> Timeline, IReadOnlyList<LicenceDto> Licences);

public sealed record ProgressEntryDto(
    DateTimeOffset OccurredAt, string Subject, string? ItemCode, int StatusCode, string StatusName,
    string Actor, string Organisation, string? Opinion);

public sealed record LicenceDto(
    string Identifier, string LicenceName, string ItemCode, string IssuerName, DateTimeOffset IssuedAt,
    DateTimeOffset? RevokedAt = null, string? RevocationReason = null, DateTimeOffset? ExpiredAt = null);

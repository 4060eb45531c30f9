using System.Text.Json;

namespace Approval.Intake.Api;

/// <summary>
/// 接件: what an applicant submits for one stage. Materials (optional) name entries of the items' material lists and
/// refer to an uploaded material of the applicant or to an e-licence the applicant holds.
/// </summary>
public sealed record SubmitApplicationRequest(
    string? ProjectCode, string? ProjectName, int? StageNo, List<string>? ItemCodes, JsonElement? Form, List<MaterialChoice>? Materials = null,
    string? EngineeringCode = null, string? FlowCode = null);

/// <summary>One material for an entry of the material list: exactly one of materialId and licenceIdentifier.</summary>
public sealed record MaterialChoice(string? Name, Guid? MaterialId, string? LicenceIdentifier);

/// <summary>接件 by the window of a counter or mailed submission, on behalf of the applicant's account (channel "counter" or "mail").</summary>
public sealed record CounterApplicationRequest(
    string? ApplicantId, string? ApplicantName, string? ApplicantMobile, string? Channel,
    string? ProjectCode, string? ProjectName, int? StageNo, List<string>? ItemCodes, JsonElement? Form, string? EngineeringCode = null,
    string? FlowCode = null);

/// <summary>A window decision that needs a reason (不予受理, 不受理).</summary>
public sealed record DecisionRequest(string? Reason);

public sealed record ApplicationDto(
    Guid Id, string RegionCode, string ProjectCode, string ProjectName, string ApplicantId, string ApplicantName,
    int StageNo, string StageName, int StatusCode, string StatusName, string? DecisionReason,
    DateTimeOffset ReceivedAt, DateTimeOffset? DecidedAt, IReadOnlyList<ApplicationItemDto> Items,
    int ChannelCode, string ChannelName, string? EnteredBy,
    IReadOnlyList<CorrectionDto> Corrections, DateTimeOffset? CorrectionRequestedAt, DateTimeOffset? CorrectedAt, string? EngineeringCode = null,
    JsonElement? Form = null, string? FlowCode = null, string? FlowType = null, int StageTimeLimitWorkingDays = 0,
    IReadOnlyList<string>? NotApprovedItems = null);

/// <summary>An item applied for; TimeLimit in TimeLimitUnit (1 working days, 2 calendar days, 3 hours, 4 minutes, 5 months) is the limit as the catalog states it.</summary>
public sealed record ApplicationItemDto(string ItemCode, int ItemVersion, string ItemName, string DepartmentCode, string DepartmentName, int TimeLimitWorkingDays,
    int TimeLimit, int TimeLimitUnit);

public sealed record CorrectionDto(string? Subject, string? Problem);

/// <summary>补正（开始）: the complete list of corrections, in one act.</summary>
public sealed record CorrectionsRequest(List<CorrectionDto>? Corrections);

/// <summary>补正（结束）: the applicant's resubmission: a corrected form (optional) and corrected materials (optional).</summary>
public sealed record CorrectedApplicationRequest(JsonElement? Form, List<MaterialChoice>? Materials);

public sealed record ProgressDto(ApplicationDto Application, IReadOnlyList<ProgressEntryDto> Timeline, IReadOnlyList<LicenceDto> Licences);

public sealed record ProgressEntryDto(
    DateTimeOffset OccurredAt, string Subject, string? ItemCode, int StatusCode, string StatusName,
    string Actor, string Organisation, string? Opinion);

public sealed record LicenceDto(
    string Identifier, string LicenceName, string ItemCode, string IssuerName, DateTimeOffset IssuedAt,
    DateTimeOffset? RevokedAt = null, string? RevocationReason = null, DateTimeOffset? ExpiredAt = null);

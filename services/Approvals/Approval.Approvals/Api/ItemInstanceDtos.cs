using Approval.Calendar;

namespace Approval.Approvals.Api;

public sealed record ItemInstanceDto(
    Guid Id, Guid ApplicationId, Guid StageInstanceId, string? ParallelInstanceCode, string ProjectCode, string ProjectName, string ItemCode, string ItemName,
    string DepartmentCode, string DepartmentName, int TimeLimitWorkingDays, int StatusCode, string StatusName,
    string? Opinion, DateTimeOffset AcceptedAt, DateTimeOffset? StartedAt, DateTimeOffset? ConcludedAt,
    ClockDto? Clock, string? ClockProblem, IReadOnlyList<SpecialProcedureDto> SpecialProcedures,
    IReadOnlyList<string> MaterialsToFollow, DateOnly? MaterialsDue,
    bool Milestone = false, bool NotificationCommitment = false, EarlierItemDto? Earlier = null, CommitmentDto? Commitment = null,
    IReadOnlyList<string>? MaterialsHandedIn = null, DateTimeOffset? MaterialsCompletedAt = null, string? CertificateReference = null,
    string? RevocationReason = null, int? FollowUp = null, string? FollowUpName = null,
    string? EngineeringCode = null, int ItemVersion = 0, TimeLimitDto? TimeLimit = null,
    // 撤回: until when the department may still recall its decision (null: not concluded, acted on, or too late).
    DateTimeOffset? RecallableUntil = null, string? RecallReason = null, IReadOnlyList<ItemCorrectionDto>? Corrections = null,
    // The technical review type whose passing result 通过 needs (the department reads its state from Reviews); null: none.
    string? RequiresReview = null,
    // The latest concluded review of that type for the item's project as Approvals knows it (ReviewConcluded); null: none yet.
    ReviewResultDto? Review = null,
    // 照面信息 of the certificate the item yields (values as the application filled them, then as concluded); null: none.
    // LicenceValidityMonths: the licence type's 有效期 in months from issue (null: 长期).
    IReadOnlyList<Approval.Contracts.Licences.LicenceField>? LicenceContent = null, int? LicenceValidityMonths = null);

/// <summary>A technical review's conclusion the item's 通过 is checked against: 合格 / 修改后合格 pass, 不合格 does not.</summary>
public sealed record ReviewResultDto(Guid ReviewId, string TypeName, string ConclusionName, bool Passed, DateTimeOffset ConcludedAt);

/// <summary>The item's limit as the catalog states it: amount, 时限单位 code (1 working days … 5 months) and its name.</summary>
public sealed record TimeLimitDto(int Amount, int Unit, string UnitName, string Text)
{
    public static TimeLimitDto Of(TimeLimit limit) => new(limit.Amount, (int)limit.Unit, limit.Unit.ChineseName(), limit.ToString());
}

/// <summary>有序审批: the earlier item this one decides after, with its decision and opinion once it concluded.</summary>
public sealed record EarlierItemDto(Guid Id, string ItemCode, string ItemName, string DepartmentName, int StatusCode, string StatusName,
    bool Concluded, string? Opinion, DateTimeOffset? ConcludedAt);

/// <summary>告知承诺: the applicant's commitment, its deadline and the department's verification (null fulfilled = not yet checked).</summary>
public sealed record CommitmentDto(string Text, DateOnly? Due, bool? Fulfilled, string? Verification, DateTimeOffset? VerifiedAt);

/// <summary>
/// A clock: 正常 / 预警 / 逾期 (state: OnTime / Warning / Overdue). Limit, used, remaining and paused count <c>unit</c>:
/// 1 working days, 2 calendar days (limits stated in calendar days or months), 4 working minutes (limits stated in hours
/// or minutes, with <c>dueAt</c> the due instant).
/// </summary>
public sealed record ClockDto(
    DateOnly StartDate, DateOnly Deadline, int Limit, int Used, int Remaining,
    int Paused, bool IsPaused, string State, string StateName, bool Stopped = false, bool Provisional = false,
    int Unit = 1, string UnitName = "个工作日", DateTimeOffset? DueAt = null)
{
    public static ClockDto Of(ClockReading r) => new(r.StartDate, r.Deadline, r.Limit, r.Used, r.Remaining,
        r.Paused, r.IsPaused, r.State.ToString(), r.State.ChineseName(), r.Stopped, r.Provisional, (int)r.Unit, r.Unit.ChineseName(), r.DueAt);
}

public sealed record SpecialProcedureDto(
    int Type, string TypeName, string Reason, int PlannedWorkingDays, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, string? Result);

/// <summary>特别程序（开始）: type 1 公示, 2 公告, 3 现场勘查, 4 专家评审, 5 上级部门审批, 9 其他.</summary>
public sealed record StartSpecialProcedureRequest(int? Type, string? Reason, int? PlannedWorkingDays);

/// <summary>特别程序（结束） with its result.</summary>
public sealed record EndSpecialProcedureRequest(string? Result);

public sealed record StartRequest(string? Opinion);

/// <summary>
/// 办结: approved or not, with the department's opinion (required). Approved with <c>materialsToFollow</c> and
/// <c>materialsDue</c> is 办结（容缺通过）; a 告知承诺制 item is approved on the applicant's <c>commitment</c> with its
/// <c>commitmentDue</c>; a department system may add its result certificate's reference.
/// </summary>
/// <summary>
/// 办结. Content: with 通过 of an item that yields a certificate, the department's corrections and additions to its
/// 照面信息 (field name → value, an empty value clears it); the fields not named keep the application's values.
/// </summary>
public sealed record ConcludeRequest(bool? Approved, string? Opinion, List<string>? MaterialsToFollow = null, DateOnly? MaterialsDue = null,
    string? Commitment = null, DateOnly? CommitmentDue = null, string? CertificateReference = null, Dictionary<string, string?>? Content = null);

/// <summary>告知承诺 verification: fulfilled or not, with a note (required when not fulfilled).</summary>
public sealed record VerifyCommitmentRequest(bool? Fulfilled, string? Note);

public sealed record RevokeRequest(string? Reason);

/// <summary>撤回: the department recalls its own decision, with the reason.</summary>
public sealed record RecallRequest(string? Reason);

/// <summary>A key step (关键环节) a department records without a status change.</summary>
public sealed record KeyStepRequest(string? Note);

public sealed record CertificateRequest(string? Reference);

/// <summary>容缺后补: the owed materials handed in now.</summary>
public sealed record HandInMaterialsRequest(List<string>? Materials);

/// <summary>A follow-up task of a department: an item whose commitment or owed materials need action.</summary>
public sealed record FollowUpDto(Guid ItemInstanceId, Guid ApplicationId, string ItemCode, string ItemName, string ProjectName, string Holder,
    int Reason, string ReasonName, DateOnly? Due, int StatusCode, string StatusName);

public sealed record ItemStepDto(int StatusCode, string StatusName, string Actor, string Organisation, string? Opinion, DateTimeOffset OccurredAt);

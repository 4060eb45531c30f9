namespace Approval.Contracts.Events;

/// <summary>受理: the window accepted a stage application; every item in it starts now.</summary>
public sealed record ApplicationAccepted(
    Guid ApplicationId,
    string RegionCode,
    string ProjectCode,
    string ProjectName,
    string ApplicantId,
    string ApplicantName,
    int StageNo,
    IReadOnlyList<AcceptedItem> Items,
    string Actor,
    DateTimeOffset AcceptedAt,
    // The applicant's 统一社会信用代码 / 居民身份证号码 as the token stated it at submission (null when unknown): with
    // ApplicantId it is the holder identity a licence is matched by, never ApplicantName.
    string? ApplicantNumber = null,
    // The stage's rules as the catalog stated them when the application was received (Intake's snapshot), so one case
    // never mixes two catalog versions: the milestone rule (DOMAIN.md) and the stage's time limit (0: none).
    int MilestoneRule = 1,
    int StageTimeLimitWorkingDays = 0,
    // The approval flow (审批流程) the applicant chose and its type (审批流程类型), null when none was chosen.
    string? FlowCode = null,
    string? FlowType = null,
    // The project phase's 工程代码 the application was made under (null: none named, stage 1 only) and the flow's version:
    // every item instance carries them into the data exchange (SPGL item instance table).
    string? EngineeringCode = null,
    int? FlowVersion = null);

/// <summary>One catalog item of an accepted application, as the catalog described it at application time.</summary>
public sealed record AcceptedItem(
    string ItemCode,
    string ItemName,
    string DepartmentCode,
    string DepartmentName,
    string DepartmentCreditCode,
    int TimeLimitWorkingDays,
    string? LicenceTypeCode,
    string? LicenceName,
    // The item's rules in the same snapshot: a milestone item (里程碑事项), 告知承诺制, and the item it must follow (null: none).
    bool Milestone = false,
    bool NotificationCommitment = false,
    string? After = null,
    // The catalog version of the item the application was made on (0: unknown) and the limit as the catalog states it:
    // TimeLimit in TimeLimitUnit (1 working days, 2 calendar days, 3 hours, 4 minutes, 5 months); 0: TimeLimitWorkingDays.
    int ItemVersion = 0,
    int TimeLimit = 0,
    int TimeLimitUnit = 1,
    // The technical review type (Reviews, e.g. construction-drawing) whose passing result the item's 通过 needs; null: none.
    string? RequiresReview = null,
    // 照面信息: the certificate's content fields as the catalog declared them for the licence type, with the values the
    // application already holds (stage form, project, applicant, department); the department completes them at 办结.
    // LicenceValidityMonths: the type's 有效期 in months from issue (null: 长期).
    IReadOnlyList<Licences.LicenceField>? LicenceContent = null,
    int? LicenceValidityMonths = null);

using System.Text.Json.Nodes;

namespace Approval.Portal.Clients;

// Intake, Approvals and Licences answers as the portal reads them (services/*/Api/*Dtos.cs).

public sealed record SubmitApplication(string ProjectCode, string ProjectName, int StageNo, IReadOnlyList<string> ItemCodes, JsonObject Form,
    IReadOnlyList<MaterialChoice>? Materials = null, string? EngineeringCode = null, string? FlowCode = null);

/// <summary>窗口收件（现场/邮寄）: channel "counter" or "mail", for the applicant's account; the scanned paper materials follow on the application's window page.</summary>
public sealed record CounterSubmission(string ApplicantId, string ApplicantName, string? ApplicantMobile, string Channel,
    string ProjectCode, string ProjectName, int StageNo, IReadOnlyList<string> ItemCodes, JsonObject Form, string? FlowCode = null,
    string? EngineeringCode = null);

public sealed record Application(
    Guid Id, string RegionCode, string ProjectCode, string ProjectName, string ApplicantId, string ApplicantName,
    int StageNo, string StageName, int StatusCode, string StatusName, string? DecisionReason,
    DateTimeOffset ReceivedAt, DateTimeOffset? DecidedAt, IReadOnlyList<ApplicationItem> Items,
    int ChannelCode = 0, string? ChannelName = null, string? EnteredBy = null, IReadOnlyList<CorrectionItem>? Corrections = null,
    DateTimeOffset? CorrectionRequestedAt = null, DateTimeOffset? CorrectedAt = null, string? EngineeringCode = null, JsonObject? Form = null,
    string? FlowCode = null, string? FlowType = null, int StageTimeLimitWorkingDays = 0, IReadOnlyList<string>? NotApprovedItems = null);

/// <summary>One entry of the window's 补正 list: which material or field, and what is wrong with it.</summary>
public sealed record CorrectionItem(string Subject, string Problem);

/// <summary>补正（结束）: the corrected form (optional) and materials (optional).</summary>
public sealed record CorrectedApplication(JsonObject? Form, IReadOnlyList<MaterialChoice>? Materials);

/// <summary>A material for an entry of the material list: an upload of the applicant (materialId) or a held e-licence.</summary>
public sealed record MaterialChoice(string Name, Guid? MaterialId = null, string? LicenceIdentifier = null);

/// <summary>An attached material; UploadedBy: the window officer who scanned the paper original for the applicant (窗口代收纸质材料扫描件).</summary>
public sealed record AttachedMaterial(string Name, Guid? MaterialId, string? FileName, string? Sha256, string? LicenceIdentifier, DateTimeOffset AttachedAt,
    string? UploadedBy = null, DateTimeOffset? UploadedAt = null);

public sealed record ApplicationMaterials(IReadOnlyList<AttachedMaterial> Attached, IReadOnlyList<Material> MaterialList, IReadOnlyList<string> MissingRequired);

/// <summary>A material of mine: uploaded, or delivered (DeliveredName set: a review result, an intermediary's report).</summary>
public sealed record UploadedMaterial(Guid Id, string FileName, string ContentType, long Size, string Sha256, DateTimeOffset UploadedAt,
    string? Source = null, string? DeliveredName = null, string? ProjectCode = null);

public sealed record ApplicationItem(string ItemCode, int ItemVersion, string ItemName, string DepartmentCode, string DepartmentName, int TimeLimitWorkingDays,
    int TimeLimit = 0, int TimeLimitUnit = 1);

public sealed record CaseProgress(Application Application, IReadOnlyList<ProgressEntry> Timeline, IReadOnlyList<IssuedLicence> Licences);

public sealed record ProgressEntry(
    DateTimeOffset OccurredAt, string Subject, string? ItemCode, int StatusCode, string StatusName, string Actor, string Organisation, string? Opinion);

public sealed record IssuedLicence(
    string Identifier, string LicenceName, string ItemCode, string IssuerName, DateTimeOffset IssuedAt, DateTimeOffset? RevokedAt, string? RevocationReason);

public sealed record ItemInstance(
    Guid Id, Guid ApplicationId, string ProjectCode, string ProjectName, string ItemCode, string ItemName,
    string DepartmentCode, string DepartmentName, int TimeLimitWorkingDays, int StatusCode, string StatusName,
    string? Opinion, DateTimeOffset AcceptedAt, DateTimeOffset? StartedAt, DateTimeOffset? ConcludedAt,
    Clock? Clock, string? ClockProblem, IReadOnlyList<SpecialProcedure> SpecialProcedures,
    IReadOnlyList<string> MaterialsToFollow, DateOnly? MaterialsDue,
    bool NotificationCommitment = false, EarlierItem? Earlier = null, ItemCommitment? Commitment = null,
    IReadOnlyList<string>? MaterialsHandedIn = null, DateTimeOffset? MaterialsCompletedAt = null, string? RevocationReason = null,
    DateTimeOffset? RecallableUntil = null, string? RecallReason = null, IReadOnlyList<ItemCorrection>? Corrections = null,
    string? RequiresReview = null, ItemReviewResult? Review = null, string? EngineeringCode = null, Guid StageInstanceId = default,
    IReadOnlyList<LicenceField>? LicenceContent = null, int? LicenceValidityMonths = null)
{
    /// <summary>The 补正 awaiting the applicant's answer (status 6), if any.</summary>
    public ItemCorrection? OpenCorrection => Corrections?.LastOrDefault(c => c.EndedAt is null);
}

/// <summary>
/// A department's 补正 of an item: the complete list of what is missing, the due date, and the applicant's answer
/// (note and corrected files, Intake materials) once given.
/// </summary>
public sealed record ItemCorrection(Guid Id, IReadOnlyList<ItemCorrectionEntry> Entries, DateOnly? Due, string RequestedBy, DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt, string? AnsweredBy, string? Note, IReadOnlyList<ItemCorrectionFile> Files);

public sealed record ItemCorrectionEntry(string Material, string Problem);

public sealed record ItemCorrectionFile(string Material, Guid MaterialId, string FileName);

/// <summary>有序审批: the earlier item this one decides after, and its decision once concluded.</summary>
public sealed record EarlierItem(Guid Id, string ItemCode, string ItemName, string DepartmentName, int StatusCode, string StatusName,
    bool Concluded, string? Opinion, DateTimeOffset? ConcludedAt);

/// <summary>告知承诺: what the applicant promised, by when, and the verification (null fulfilled = not yet checked).</summary>
public sealed record ItemCommitment(string Text, DateOnly? Due, bool? Fulfilled, string? Verification, DateTimeOffset? VerifiedAt);

/// <summary>State: OnTime / Warning / Overdue (正常 / 预警 / 逾期); Stopped once the item or stage concluded.</summary>
public sealed record Clock(
    DateOnly StartDate, DateOnly Deadline, int Limit, int Used, int Remaining,
    int Paused, bool IsPaused, string State, string StateName, bool Stopped = false, bool Provisional = false,
    int Unit = 1, string UnitName = "个工作日", DateTimeOffset? DueAt = null)
{
    /// <summary>An amount of this clock's unit as a person reads it: "5个工作日", "3小时20分钟".</summary>
    public string Amount(int value) => Unit == 4
        ? (value / 60, value % 60) switch { (0, var m) => $"{m}分钟", (var h, 0) => $"{h}小时", (var h, var m) => $"{h}小时{m}分钟" }
        : $"{value}{UnitName}";
}

public sealed record SpecialProcedure(int Type, string TypeName, string Reason, int PlannedWorkingDays, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, string? Result);

public sealed record ItemStep(int StatusCode, string StatusName, string Actor, string Organisation, string? Opinion, DateTimeOffset OccurredAt);

/// <summary>办结; Content: the department's corrections and additions to the certificate's 照面信息 (field name → value), only on 通过.</summary>
public sealed record Conclusion(bool Approved, string Opinion, IReadOnlyList<string>? MaterialsToFollow = null, DateOnly? MaterialsDue = null,
    string? Commitment = null, DateOnly? CommitmentDue = null, IReadOnlyDictionary<string, string>? Content = null);

/// <summary>
/// 照面信息: one content field of the certificate the item yields, as the catalog declares it for the licence type, with its
/// value once known (Approval.Contracts.Licences.LicenceField; the portal does not reference the contracts). Type: string,
/// number, integer, date or idnumber. Source: "form:&lt;stage-form field&gt;", "project.name", "project.code", "applicant",
/// "department" or "decision" (the department states it when it concludes), alternatives separated by "|".
/// </summary>
public sealed record LicenceField(string Name, string Type, bool Required, string Source, string? Value = null)
{
    /// <summary>Where the value comes from, as the department reads it next to the field.</summary>
    public string SourceHint => Source.Split('|')[0].Trim() switch
    {
        var s when s.StartsWith("form:", StringComparison.Ordinal) => "（来自申请表）",
        var s when s.StartsWith("project.", StringComparison.Ordinal) => "（来自项目信息）",
        "applicant" => "（来自申请人信息）",
        "department" => "（来自本部门信息）",
        _ => "（由部门填写）",
    };
}

public sealed record SpecialProcedureStart(int Type, string Reason, int PlannedWorkingDays);

/// <summary>A department's follow-up task (后续监管): reason 1 承诺未履行, 2 承诺逾期未核查, 3 容缺材料逾期未补齐.</summary>
public sealed record FollowUp(Guid ItemInstanceId, Guid ApplicationId, string ItemCode, string ItemName, string ProjectName, string Holder,
    int Reason, string ReasonName, DateOnly? Due, int StatusCode, string StatusName);

/// <summary>受理前征求意见: one department's question and its answer (null while open).</summary>
public sealed record Consultation(
    Guid Id, Guid ApplicationId, string ProjectName, string StageName, string DepartmentCode, string Question, string AskedBy, DateTimeOffset AskedAt,
    string? Opinion, string? AnsweredBy, DateTimeOffset? AnsweredAt);

/// <summary>A saved, unchecked submission (草稿); any field may still be empty.</summary>
public sealed record DraftContent(string? ProjectCode, string? ProjectName, int? StageNo, IReadOnlyList<string>? ItemCodes, JsonObject? Form,
    IReadOnlyList<MaterialChoice>? Materials = null, string? EngineeringCode = null, string? FlowCode = null);

public sealed record Draft(Guid Id, DraftContent Content, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>The applicant's view of an application's item instances (Approvals), with their clocks.</summary>
public sealed record ApplicationItems(Guid ApplicationId, IReadOnlyList<ItemInstance> Items);

/// <summary>The technical review's conclusion Approvals checks the item's 通过 against (ReviewConcluded).</summary>
public sealed record ItemReviewResult(Guid ReviewId, string TypeName, string ConclusionName, bool Passed, DateTimeOffset ConcludedAt);

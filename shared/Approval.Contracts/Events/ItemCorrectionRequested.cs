namespace Approval.Contracts.Events;

/// <summary>
/// 补正（开始） of an item instance (status 6): after 部门开始办理 its department lists, in one act, every material that is
/// missing or wrong; the item's clock pauses until the applicant answers. Intake keeps it so the applicant can answer with
/// files; Notifications tells the applicant.
/// </summary>
public sealed record ItemCorrectionRequested(
    Guid CorrectionId,
    Guid ItemInstanceId,
    Guid ApplicationId,
    string RegionCode,
    string ApplicantId,
    string ProjectName,
    string ItemCode,
    string ItemName,
    string DepartmentName,
    IReadOnlyList<ItemCorrectionEntry> Entries,
    DateOnly? Due,
    string Actor,
    DateTimeOffset RequestedAt);

/// <summary>One entry of an item's 补正 list: the material concerned and what is wrong with it.</summary>
public sealed record ItemCorrectionEntry(string Material, string Problem);

/// <summary>
/// The applicant answered an item's 补正 through Intake with corrected files (attached to the application, so the
/// department downloads them as the application's materials); Approvals ends the correction (补正（结束）, 7).
/// </summary>
public sealed record ItemCorrectionAnswered(
    Guid CorrectionId,
    Guid ItemInstanceId,
    Guid ApplicationId,
    string? Note,
    IReadOnlyList<ItemCorrectionFile> Files,
    string Actor,
    string Organisation,
    DateTimeOffset AnsweredAt);

/// <summary>A file of the answer: the material it corrects and the applicant's upload (Intake material id).</summary>
public sealed record ItemCorrectionFile(string Material, Guid MaterialId, string FileName);

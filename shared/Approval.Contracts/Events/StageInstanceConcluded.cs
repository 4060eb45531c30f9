namespace Approval.Contracts.Events;

/// <summary>
/// 阶段办结: a stage instance concluded by its milestone rule (1 = all milestone items concluded, 2 = any), approved
/// or not, with every item's status and opinion at that moment (a 办结（不通过） item's opinion is its reason).
/// ProjectCode and ProjectName (appended later, null from older publishers) name the project for the applicant's notice.
/// </summary>
public sealed record StageInstanceConcluded(
    Guid StageInstanceId,
    Guid ApplicationId,
    string RegionCode,
    int StageNo,
    string? ParallelInstanceCode,
    int MilestoneRule,
    bool Approved,
    IReadOnlyList<StageItemOutcome> Items,
    DateTimeOffset ConcludedAt,
    string? ProjectCode = null,
    string? ProjectName = null);

/// <summary>One item of a concluded stage instance: its processing status code (办理状态) and opinion.</summary>
public sealed record StageItemOutcome(string ItemCode, string ItemName, string DepartmentCode, int StatusCode, string StatusName, string? Opinion);

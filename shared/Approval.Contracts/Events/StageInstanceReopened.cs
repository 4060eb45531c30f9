namespace Approval.Contracts.Events;

/// <summary>
/// A concluded stage instance is in progress again: a department recalled (撤回) the decision its conclusion rested on.
/// Its application follows it back to 已受理 until the stage concludes anew.
/// </summary>
public sealed record StageInstanceReopened(
    Guid StageInstanceId,
    Guid ApplicationId,
    string RegionCode,
    int StageNo,
    string ItemName,
    string DepartmentName,
    string Reason,
    DateTimeOffset ReopenedAt);

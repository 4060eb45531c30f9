namespace Approval.Contracts.Events;

/// <summary>
/// 审管联动: an item's approval result, published by Supervision to the supervision exchange (this message type's
/// exchange) and to every regulator system that registered a webhook (event type <c>approval.result</c>), whenever an item
/// instance concludes — approved (准予) or not (不予). ResultId identifies the result (Supervision's item clock); a recalled
/// item that concludes again is published again.
/// </summary>
public sealed record ApprovalResultPublished(
    Guid ResultId,
    string RegionCode,
    string ProjectCode,
    string ProjectName,
    Guid? ItemInstanceId,
    string ItemCode,
    string ItemName,
    string DepartmentCode,
    string DepartmentName,
    bool Approved,
    int StatusCode,
    DateTimeOffset ConcludedAt);

namespace Approval.Contracts.Events;

/// <summary>An item instance (事项实例) changed its processing status; Intake's progress view records it.</summary>
public sealed record ItemInstanceStatusChanged(
    Guid ItemInstanceId,
    Guid ApplicationId,
    string ItemCode,
    string ItemName,
    int StatusCode,
    string StatusName,
    string Actor,
    string Organisation,
    string? Opinion,
    DateTimeOffset OccurredAt);

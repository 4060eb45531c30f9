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
    DateTimeOffset OccurredAt,
    // The acting account (token subject) when a person acted (null from older publishers and systems): Supervision
    // addresses its 预警/逾期 notices to the handler by it.
    string? ActorId = null);

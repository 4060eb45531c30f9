namespace Approval.Approvals.Webhooks;

/// <summary>What a department system receives when an item is routed to it (event type "item.routed").</summary>
public sealed record ItemRoutedPayload(
    Guid DeliveryId, string EventType, Guid ItemInstanceId, Guid ApplicationId, string? ParallelInstanceCode,
    string ProjectCode, string ProjectName, string Holder, string ItemCode, string ItemName, int TimeLimitWorkingDays,
    DateTimeOffset AcceptedAt, ItemRoutedLinks Links);

/// <summary>Where the department system reads the item and the application (its data and materials) through the gateway.</summary>
public sealed record ItemRoutedLinks(string Item, string Application);

namespace Approval.Contracts.Events;

/// <summary>开始: the agency accepted the review's materials; its clock runs from StartedAt to Deadline (region calendar).</summary>
public sealed record ReviewStarted(
    Guid ReviewId,
    string RegionCode,
    string ProjectCode,
    string TypeCode,
    string AgencyCode,
    string OwnerId,
    DateOnly Deadline,
    DateTimeOffset StartedAt);

namespace Approval.Contracts.Events;

/// <summary>委托: an applicant commissioned a technical review (技术审查) of a project from a qualified agency (Reviews).</summary>
public sealed record ReviewCommissioned(
    Guid ReviewId,
    string RegionCode,
    string ProjectCode,
    string? EngineeringCode,
    string TypeCode,
    string TypeName,
    string AgencyCode,
    string OwnerId,
    int LimitWorkingDays,
    DateTimeOffset CommissionedAt);

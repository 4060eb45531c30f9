namespace Approval.Contracts.Events;

/// <summary>补充材料: the agency asked the applicant for more; the review's clock stops until the applicant answers.</summary>
public sealed record ReviewSupplementRequested(
    Guid ReviewId,
    string RegionCode,
    string ProjectCode,
    string TypeCode,
    string AgencyCode,
    string OwnerId,
    string Reason,
    DateTimeOffset RequestedAt);

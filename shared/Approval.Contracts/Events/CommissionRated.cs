namespace Approval.Contracts.Events;

/// <summary>The applicant rated a commission after its end: Satisfaction is the 满意度 code (1 非常满意 … 5 非常不满意).</summary>
public sealed record CommissionRated(
    Guid CommissionId, string RegionCode, string OwnerId, Guid AgencyId, int Satisfaction, bool OnTime, DateTimeOffset RatedAt);

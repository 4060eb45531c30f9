namespace Approval.Contracts.Events;

/// <summary>
/// The applicant rated a commission after its end: Satisfaction is the 满意度 code (1 非常满意 … 5 非常不满意). The agency's
/// organisation code and name and the comment (optional, added for Supervision's 好差评) let the unit's staff handle it.
/// </summary>
public sealed record CommissionRated(
    Guid CommissionId, string RegionCode, string OwnerId, Guid AgencyId, int Satisfaction, bool OnTime, DateTimeOffset RatedAt,
    string? AgencyOrgCode = null, string? AgencyName = null, string? Comment = null);

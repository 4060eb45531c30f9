namespace Approval.Contracts.Events;

/// <summary>The selected agency declined the commission (拒绝委托) with its reason; the applicant selects again.</summary>
public sealed record CommissionDeclined(
    Guid CommissionId, string RegionCode, string OwnerId, string ProjectCode, string EngineeringCode, Guid AgencyId, string Reason, DateTimeOffset DeclinedAt);

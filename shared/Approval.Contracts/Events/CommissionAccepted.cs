namespace Approval.Contracts.Events;

/// <summary>The selected agency accepted the commission (接受委托) of a project phase.</summary>
public sealed record CommissionAccepted(
    Guid CommissionId, string RegionCode, string OwnerId, string ProjectCode, string EngineeringCode, string ServiceType,
    Guid AgencyId, string AgencyName, DateTimeOffset AcceptedAt);

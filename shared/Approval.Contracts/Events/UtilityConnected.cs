namespace Approval.Contracts.Events;

/// <summary>验收开通: the utility connected the project.</summary>
public sealed record UtilityConnected(
    Guid RequestId, string RegionCode, string ProjectCode, string ApplicantId, string UtilityCode, string ServiceType, DateTimeOffset ConnectedAt);

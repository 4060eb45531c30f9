namespace Approval.Contracts.Events;

/// <summary>An applicant applied for a utility connection (报装): one event per utility request of the one form.</summary>
public sealed record UtilityApplied(
    Guid RequestId, Guid ApplicationId, string RegionCode, string ProjectCode, string EngineeringCode, string ApplicantId,
    string UtilityCode, string ServiceType, string RequestType, DateTimeOffset AppliedAt);

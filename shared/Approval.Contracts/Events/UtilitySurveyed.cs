namespace Approval.Contracts.Events;

/// <summary>受理勘查 concluded: the utility replied with the connection plan (接入方案) and fees.</summary>
public sealed record UtilitySurveyed(
    Guid RequestId, string RegionCode, string ProjectCode, string ApplicantId, string UtilityCode, string ServiceType,
    string ConnectionPlan, decimal Fee, string Handler, DateTimeOffset SurveyedAt);

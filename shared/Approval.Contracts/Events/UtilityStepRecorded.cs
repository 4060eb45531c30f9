namespace Approval.Contracts.Events;

/// <summary>A step of a utility request ended (any step, the survey and the connection included), with its result and handler.</summary>
public sealed record UtilityStepRecorded(
    Guid RequestId, string RegionCode, string ProjectCode, string ApplicantId, string UtilityCode, int StepNo, string StepName,
    string Result, string Handler, DateTimeOffset StartedAt, DateTimeOffset EndedAt);

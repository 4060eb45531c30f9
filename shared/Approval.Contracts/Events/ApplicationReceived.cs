namespace Approval.Contracts.Events;

/// <summary>接件: a stage application was received, online by the applicant or entered by the window for a counter/mail submission.</summary>
public sealed record ApplicationReceived(
    Guid ApplicationId,
    string RegionCode,
    string ProjectCode,
    string ProjectName,
    string ApplicantId,
    string ApplicantName,
    string? ApplicantMobile,
    int StageNo,
    string Channel,
    string Actor,
    DateTimeOffset ReceivedAt);

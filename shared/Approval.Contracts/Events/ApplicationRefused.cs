namespace Approval.Contracts.Events;

/// <summary>不受理 (outside this window's scope) or 不予受理 (refused), with the reason the applicant is told.</summary>
public sealed record ApplicationRefused(
    Guid ApplicationId,
    string ApplicantId,
    string ProjectName,
    int StatusCode,
    string StatusName,
    string Reason,
    string Actor,
    DateTimeOffset RefusedAt);

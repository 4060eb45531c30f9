namespace Approval.Contracts.Events;

/// <summary>补正（开始）: the window asked the applicant for the complete list of corrections in one act.</summary>
public sealed record ApplicationCorrectionRequested(
    Guid ApplicationId,
    string ApplicantId,
    string ProjectName,
    IReadOnlyList<CorrectionRequest> Corrections,
    string Actor,
    DateTimeOffset RequestedAt);

/// <summary>One correction: the material or form field concerned and what is wrong with it.</summary>
public sealed record CorrectionRequest(string Subject, string Problem);

namespace Approval.Contracts.Events;

/// <summary>补正（结束）: the applicant resubmitted the corrected application.</summary>
public sealed record ApplicationCorrected(
    Guid ApplicationId,
    string ApplicantId,
    string ProjectName,
    DateTimeOffset CorrectedAt);

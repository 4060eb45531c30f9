namespace Approval.Notifications.Domain;

/// <summary>Read model: who applied for an application (from ApplicationReceived / ApplicationAccepted), so later events reach them.</summary>
public sealed class ApplicantContact
{
    public Guid ApplicationId { get; init; }
    public required string ApplicantId { get; set; }
    public required string ApplicantName { get; set; }
    /// <summary>The mobile number given with the application, if any.</summary>
    public string? Mobile { get; set; }
}

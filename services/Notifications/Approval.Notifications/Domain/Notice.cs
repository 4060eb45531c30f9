namespace Approval.Notifications.Domain;

/// <summary>
/// One notice in an applicant's web inbox (站内消息). <see cref="RecipientId"/> stays null while the application's applicant
/// is not yet known here (an event overtook ApplicationReceived/ApplicationAccepted); it is addressed, and its deliveries
/// queued, as soon as the applicant is known — nothing is dropped.
/// </summary>
public sealed class Notice
{
    public Guid Id { get; init; }
    public Guid ApplicationId { get; init; }
    public string? RecipientId { get; set; }
    public required string Kind { get; init; }
    public required string Title { get; init; }
    public required string Body { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ReadAt { get; set; }
}

namespace Approval.Notifications.Domain;

/// <summary>A user's own notification settings: the mobile number SMS notices go to (it wins over the application's).</summary>
public sealed class RecipientSettings
{
    public required string UserId { get; init; }
    public string? Mobile { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

namespace Approval.Messaging.Systems;

/// <summary>
/// An organisation's own system's endpoint (a department's, R-7.12; a review agency's or a utility's): what concerns the
/// organisation is POSTed there, signed with its secret.
/// </summary>
public sealed class WebhookEndpoint
{
    public required string OrganisationCode { get; init; }
    public required string Url { get; set; }
    /// <summary>The shared HMAC-SHA256 key; never returned by the API.</summary>
    public required string Secret { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

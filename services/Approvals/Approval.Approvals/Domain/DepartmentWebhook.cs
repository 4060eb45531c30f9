namespace Approval.Approvals.Domain;

/// <summary>A department system's endpoint: every item routed to the department is POSTed there, signed.</summary>
public sealed class DepartmentWebhook
{
    public required string DepartmentCode { get; init; }
    public required string Url { get; set; }
    /// <summary>The shared HMAC-SHA256 key; never returned by the API.</summary>
    public required string Secret { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

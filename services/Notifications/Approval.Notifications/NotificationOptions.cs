namespace Approval.Notifications;

/// <summary>Section "Approval:Notifications".</summary>
public sealed class NotificationOptions
{
    /// <summary>"sink" (default: records every SMS in the database, for development and tests) or "http" (a real provider).</summary>
    public string SmsProvider { get; set; } = "sink";
    /// <summary>The provider's send endpoint (absolute URL) when SmsProvider is "http"; configured per deployment, never in files.</summary>
    public string? SmsEndpoint { get; set; }
    /// <summary>Sent as a bearer token to the provider.</summary>
    public string? SmsApiKey { get; set; }
    /// <summary>How long a claimed delivery is its dispatcher's alone (longer than a provider call with its retries).</summary>
    public TimeSpan SendLease { get; set; } = TimeSpan.FromMinutes(2);
    public TimeSpan DispatchInterval { get; set; } = TimeSpan.FromMilliseconds(500);
    public int DispatchBatchSize { get; set; } = 50;
    /// <summary>How long an SMS waits for a mobile number to become known before it is marked undeliverable.</summary>
    public TimeSpan AddressGrace { get; set; } = TimeSpan.FromMinutes(10);
    public TimeSpan PostponeInterval { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>Failed sends are retried with exponential backoff this many times, then the delivery is Failed.</summary>
    public int MaxAttempts { get; set; } = 8;
    /// <summary>Wait after a delivery's first failed send; it doubles with every further failure, up to MaxBackoff.</summary>
    public TimeSpan FirstBackoff { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);
}

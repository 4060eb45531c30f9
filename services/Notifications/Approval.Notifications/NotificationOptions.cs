using System.ComponentModel.DataAnnotations;
using Approval.ServiceDefaults.Options;

namespace Approval.Notifications;

/// <summary>Section "Approval:Notifications".</summary>
public sealed class NotificationOptions : IValidatableObject
{
    /// <summary>"sink" (default: records every SMS in the database, for development and tests) or "http" (a real provider).</summary>
    public string SmsProvider { get; set; } = "sink";
    /// <summary>The provider's send endpoint (absolute URL) when SmsProvider is "http"; configured per deployment, never in files.</summary>
    public string? SmsEndpoint { get; set; }
    /// <summary>Sent as a bearer token to the provider.</summary>
    public string? SmsApiKey { get; set; }
    /// <summary>How long a claimed delivery is its dispatcher's alone (longer than a provider call with its retries).</summary>
    [Positive]
    public TimeSpan SendLease { get; set; } = TimeSpan.FromMinutes(2);
    [Positive]
    public TimeSpan DispatchInterval { get; set; } = TimeSpan.FromMilliseconds(500);
    [Positive]
    public int DispatchBatchSize { get; set; } = 50;
    /// <summary>How long an SMS waits for a mobile number to become known before it is marked undeliverable.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "3650.00:00:00")]
    public TimeSpan AddressGrace { get; set; } = TimeSpan.FromMinutes(10);
    /// <summary>
    /// The shortest wait before an SMS without a number is looked at again; the wait grows with the delivery's age (half of
    /// it), up to PostponeMaxInterval, and the last look is at the end of AddressGrace.
    /// </summary>
    [Positive]
    public TimeSpan PostponeInterval { get; set; } = TimeSpan.FromSeconds(5);
    [Positive]
    public TimeSpan PostponeMaxInterval { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>Failed sends are retried with exponential backoff this many times, then the delivery is Failed.</summary>
    [Positive]
    public int MaxAttempts { get; set; } = 8;
    /// <summary>Wait after a delivery's first failed send; it doubles with every further failure, up to MaxBackoff.</summary>
    [Positive]
    public TimeSpan FirstBackoff { get; set; } = TimeSpan.FromSeconds(1);
    [Positive]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Checked when the service starts: a known provider, and the real one with its endpoint.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (SmsProvider.ToLowerInvariant() is not ("sink" or "http"))
            yield return new("Approval:Notifications:SmsProvider is \"sink\" or \"http\".", [nameof(SmsProvider)]);
        else if (SmsProvider.Equals("http", StringComparison.OrdinalIgnoreCase) && !Uri.IsWellFormedUriString(SmsEndpoint, UriKind.Absolute))
            yield return new("Approval:Notifications:SmsEndpoint (an absolute URL) is required when SmsProvider is \"http\".", [nameof(SmsEndpoint)]);
        if (PostponeMaxInterval < PostponeInterval)
            yield return new("Approval:Notifications:PostponeMaxInterval is at least PostponeInterval.", [nameof(PostponeMaxInterval)]);
    }
}

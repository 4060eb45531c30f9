using Approval.ServiceDefaults.Options;

namespace Approval.Messaging.Systems;

/// <summary>Settings "Approval:Webhooks".</summary>
public sealed class WebhookOptions
{
    [Positive]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);
    [Positive]
    public TimeSpan FirstBackoff { get; set; } = TimeSpan.FromMilliseconds(200);
    [Positive]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(10);
    [Positive]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Networks (CIDR) a webhook may reach although they are private, loopback or link-local; empty by default.</summary>
    public List<string> AllowedNetworks { get; set; } = [];

    /// <summary>At most this many deliveries are in flight at once (each organisation's in order, organisations side by side).</summary>
    [Positive]
    public int MaxConcurrentDeliveries { get; set; } = 16;
}

using Approval.Notifications.Domain;

namespace Approval.Notifications.Channels;

/// <summary>
/// A way a notice reaches its recipient besides the web inbox: SMS, mobile push. The dispatcher calls it with no
/// transaction open, in a scope of its own; what it adds to that scope's context is saved with the outcome. An
/// exception means "try again later", an outcome says what happened.
/// </summary>
public interface INotificationChannel
{
    /// <summary>The name stored on each delivery ("sms", "push").</summary>
    string Name { get; }

    Task<DeliveryOutcome> SendAsync(Delivery delivery, Notice notice, CancellationToken ct);
}

public abstract record DeliveryOutcome
{
    public sealed record Sent(string Destination) : DeliveryOutcome;
    /// <summary>Not sendable yet (no address known so far); the dispatcher looks again later without counting an attempt.</summary>
    public sealed record Postponed(string Reason) : DeliveryOutcome;
    public sealed record Undeliverable(string Reason) : DeliveryOutcome;
}

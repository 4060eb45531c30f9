namespace Approval.Notifications.Domain;

public enum DeliveryStatus
{
    Pending = 0,
    Sent = 1,
    /// <summary>No address (e.g. no mobile number) — nothing to retry.</summary>
    Undeliverable = 2,
    /// <summary>Every attempt failed; an operator can see the last error and reset it to Pending.</summary>
    Failed = 3,
}

namespace Approval.Identity.Clients;

/// <summary>When a rotated client's previous secret is still accepted: strictly before its end of validity.</summary>
public static class SecretGrace
{
    public static bool Accepts(DateTimeOffset? validUntil, DateTimeOffset now) => validUntil is { } until && now < until;
}

using System.Security.Cryptography;
using System.Text;

namespace Approval.Messaging.Systems;

/// <summary>
/// X-Approval-Signature: "sha256=" + hex HMAC-SHA256 over "{timestamp}.{body}" with the department's secret;
/// the timestamp (X-Approval-Timestamp, Unix seconds) lets a receiver refuse replays.
/// </summary>
public static class WebhookSignature
{
    public static string Sign(string secret, long timestamp, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));

    public static bool Verify(string secret, long timestamp, string body, string signature) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, timestamp, body)), Encoding.ASCII.GetBytes(signature));
}

using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace Approval.Identity.Clients;

/// <summary>
/// What an organisation's system's OpenIddict application carries in its properties besides OpenIddict's own fields: the
/// organisation and region it acts for, where its secret came from and when, and a rotated-out secret's hash and end.
/// </summary>
public static class ClientProperties
{
    public const string Organisation = "org";
    public const string Region = "region";
    /// <summary>The one role the system's token carries (department when absent: the department systems seeded before it existed).</summary>
    public const string Role = "role";
    public const string SecretSource = "secret_source";
    public const string SecretChangedAt = "secret_changed_at";
    public const string PreviousSecret = "previous_secret";
    public const string PreviousSecretValidUntil = "previous_secret_valid_until";
    public const string ConfiguredSecret = "configured_secret";

    /// <summary>Secret sources: generated at seeding (known to nobody), set by configuration, rotated by the region admin.</summary>
    public const string Generated = "generated";
    public const string FromConfiguration = "configuration";
    public const string Rotated = "rotated";

    public static string ClientIdOf(string departmentCode) => $"dept-{departmentCode}-system";

    /// <summary>A new random secret: 32 bytes, base64url (43 characters).</summary>
    public static string NewSecret() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string? Text(ImmutableDictionary<string, JsonElement> properties, string name) =>
        properties.TryGetValue(name, out var value) ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText() : null;

    public static DateTimeOffset? Time(ImmutableDictionary<string, JsonElement> properties, string name) =>
        DateTimeOffset.TryParse(Text(properties, name), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time) ? time : null;
}

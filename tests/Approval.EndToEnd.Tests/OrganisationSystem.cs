using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Approval.EndToEnd.Tests;

/// <summary>
/// An organisation's own system (a department's, a review agency's, a utility's): a client-credentials token of its client
/// (PREFIX-CODE-system) with its own secret, calls with an optional Idempotency-Key.
/// </summary>
public sealed class OrganisationSystem(HttpClient gateway, string clientId, string secret)
{
    private string? token;

    public string ClientId => clientId;

    /// <summary>The region admin rotates the client's secret (shown once) and hands it to the organisation.</summary>
    public static async Task<OrganisationSystem> RotatedAsync(HttpClient gateway, string clientId)
    {
        using var response = await gateway.SendAsync(Accounts.Bearer(HttpMethod.Post, $"/api/identity/clients/{clientId}/secret", await ActorTokens.AdminTokenAsync()));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"rotating {clientId}: {(int)response.StatusCode} {text}");
        return new OrganisationSystem(gateway, clientId, JsonDocument.Parse(text).RootElement.GetProperty("secret").GetString()!);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body, string? idempotencyKey)
    {
        token ??= await TokenAsync();
        var request = Accounts.Bearer(method, path, token, body);
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await gateway.SendAsync(request);
    }

    public async Task<(HttpStatusCode Status, JsonElement Body, bool Replayed)> CallAsync(HttpMethod method, string path, object? body, string? idempotencyKey)
    {
        using var response = await SendAsync(method, path, body, idempotencyKey);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone(), response.Headers.Contains("Idempotent-Replayed"));
    }

    /// <summary>The claims of the system's token (org, role).</summary>
    public async Task<JsonElement> ClaimsAsync() => new OidcTokens(token ??= await TokenAsync(), null, null).Claims();

    private async Task<string> TokenAsync()
    {
        using var response = await gateway.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret,
        }));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"client credentials for {clientId}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>X-Approval-Signature as a receiver checks it: HMAC-SHA256 of "{timestamp}.{body}" with the shared secret.</summary>
    public static string Signature(string sharedSecret, string timestamp, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(sharedSecret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));
}

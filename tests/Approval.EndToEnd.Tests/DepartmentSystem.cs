using System.Net.Http.Headers;
using System.Text.Json;

namespace Approval.EndToEnd.Tests;

/// <summary>
/// A department's own system (R-7.12b): a client-credentials token from the seeded client dept-CODE-system, with that
/// department's own secret (the AppHost's local-development default, docs/identity.md).
/// </summary>
public sealed class DepartmentSystem(HttpClient gateway, string department)
{
    /// <summary>The local-development secret of dept-CODE-system: each department has its own.</summary>
    public static string SecretOf(string department) => $"dept-{department}-demo-secret";
    private string? token;

    public async Task<HttpResponseMessage> PostAsync(string path, object body, string? idempotencyKey)
    {
        token ??= await TokenAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await gateway.SendAsync(request);
    }

    public async Task<(HttpStatusCode Status, JsonElement Body, bool Replayed)> CallAsync(string path, object body, string? idempotencyKey)
    {
        using var response = await PostAsync(path, body, idempotencyKey);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone(), response.Headers.Contains("Idempotent-Replayed"));
    }

    private async Task<string> TokenAsync()
    {
        using var response = await gateway.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = $"dept-{department}-system", ["client_secret"] = SecretOf(department),
        }));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"client credentials for dept-{department}-system: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("access_token").GetString()!;
    }
}

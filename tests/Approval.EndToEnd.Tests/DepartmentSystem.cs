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
    private readonly OrganisationSystem system = new(gateway, $"dept-{department}-system", SecretOf(department));

    public Task<HttpResponseMessage> PostAsync(string path, object body, string? idempotencyKey) =>
        system.SendAsync(HttpMethod.Post, path, body, idempotencyKey);

    public Task<(HttpStatusCode Status, JsonElement Body, bool Replayed)> CallAsync(string path, object body, string? idempotencyKey) =>
        system.CallAsync(HttpMethod.Post, path, body, idempotencyKey);
}

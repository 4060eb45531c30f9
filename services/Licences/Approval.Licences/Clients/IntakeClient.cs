using System.Net;

namespace Approval.Licences.Clients;

/// <summary>
/// Reads an application's progress view (application, timeline with opinions, licences) from Intake, on behalf of
/// the caller: the caller's credentials travel with the request, so Intake applies its own visibility rules.
/// </summary>
public sealed class IntakeClient(HttpClient http)
{
    private static readonly string[] ForwardedHeaders = ["Authorization"];

    /// <summary>The progress document as Intake sent it, or null when Intake does not show the application to the caller.</summary>
    public async Task<byte[]?> GetProgressAsync(Guid applicationId, IHeaderDictionary caller, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/intake/applications/{applicationId}/progress");
        foreach (var name in ForwardedHeaders)
            if (caller.TryGetValue(name, out var value)) request.Headers.TryAddWithoutValidation(name, value.ToArray());
        using var response = await http.SendAsync(request, ct);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized) return null;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync(ct);
    }
}

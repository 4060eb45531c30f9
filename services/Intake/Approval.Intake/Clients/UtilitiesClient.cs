using System.Net;

namespace Approval.Intake.Clients;

/// <summary>
/// Asks Utilities, with the caller's own token, whether the caller's utility has a connection application for a project
/// Utilities applies its own rule (the caller's organisation and region), so a utility with no application there is 404.
/// </summary>
public sealed class UtilitiesClient(HttpClient http)
{
    public async Task<bool> HasApplicationAsync(string projectCode, IHeaderDictionary caller, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/utilities/projects/{Uri.EscapeDataString(projectCode)}/access");
        if (caller.TryGetValue("Authorization", out var value)) request.Headers.TryAddWithoutValidation("Authorization", value.ToArray());
        using var response = await http.SendAsync(request, ct);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized) return false;
        response.EnsureSuccessStatusCode();
        return true;
    }
}

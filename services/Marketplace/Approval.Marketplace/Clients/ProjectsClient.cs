using System.Net;
using System.Net.Http.Headers;

namespace Approval.Marketplace.Clients;

/// <summary>
/// Reads a project phase by its engineering code from Projects with the caller's own token, as Intake does: a phase the
/// caller may not read (another applicant's) is simply not found.
/// </summary>
public sealed class ProjectsClient(HttpClient http, IHttpContextAccessor context)
{
    public async Task<ProjectPhase?> GetPhaseAsync(string engineeringCode, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/projects/engineering/{Uri.EscapeDataString(engineeringCode)}");
        request.Headers.Authorization = CallerToken.Of(context);
        using var response = await http.SendAsync(request, ct);
        if (response.StatusCode is HttpStatusCode.NotFound) return null;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<ProjectPhase>(ct);
    }
}

/// <summary>The part of Projects' answer the marketplace keeps: the project and phase, and the owner (the applicant's sub).</summary>
public sealed record ProjectPhase(string ProjectCode, string ProjectName, string EngineeringCode, string OwnerId = "");

/// <summary>The caller's bearer token, forwarded so the called service applies its own rules to the same caller.</summary>
public static class CallerToken
{
    public static AuthenticationHeaderValue? Of(IHttpContextAccessor context) =>
        AuthenticationHeaderValue.TryParse(context.HttpContext?.Request.Headers.Authorization.ToString(), out var bearer) ? bearer : null;
}

using System.Net;
using System.Net.Http.Headers;

namespace Approval.Utilities.Clients;

/// <summary>
/// Reads a project phase by its engineering code (工程代码) from Projects with the caller's own token: another applicant's
/// project is simply not found there, so an application can only name the applicant's own project.
/// </summary>
public sealed class ProjectsClient(HttpClient http, IHttpContextAccessor context)
{
    public async Task<ProjectPhase?> GetAsync(string engineeringCode, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/projects/engineering/{Uri.EscapeDataString(engineeringCode)}");
        if (AuthenticationHeaderValue.TryParse(context.HttpContext?.Request.Headers.Authorization.ToString(), out var bearer))
            request.Headers.Authorization = bearer;
        using var response = await http.SendAsync(request, ct);
        if (response.StatusCode is HttpStatusCode.NotFound) return null;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<ProjectPhase>(ct);
    }
}

/// <summary>The part of Projects' answer Utilities uses; OwnerId is the applicant account that registered the project.</summary>
public sealed record ProjectPhase(string ProjectCode, string ProjectName, string EngineeringCode, Dictionary<string, string> Fields, string OwnerId = "");

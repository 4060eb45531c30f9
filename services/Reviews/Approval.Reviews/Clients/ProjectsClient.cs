using System.Net;
using System.Net.Http.Headers;

namespace Approval.Reviews.Clients;

/// <summary>
/// Reads a project from the Projects service with the caller's own token: a project the caller may not read (another
/// applicant's) is simply not found.
/// </summary>
public sealed class ProjectsClient(HttpClient http, IHttpContextAccessor context)
{
    public async Task<ProjectSummary?> GetAsync(string projectCode, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/projects/{Uri.EscapeDataString(projectCode)}");
        request.Headers.Authorization = CallerToken.Of(context);
        using var response = await http.SendAsync(request, ct);
        if (response.StatusCode is HttpStatusCode.NotFound) return null;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<ProjectSummary>(ct);
    }
}

/// <summary>The part of Projects' answer Reviews uses: the owner and the project's engineering codes.</summary>
public sealed record ProjectSummary(string ProjectCode, string Name, string OwnerId, string OwnerName, string RegionCode, List<EngineeringSummary> EngineeringCodes);

public sealed record EngineeringSummary(string EngineeringCode);

/// <summary>The caller's bearer token, forwarded so the called service applies its own rules to the same caller.</summary>
public static class CallerToken
{
    public static AuthenticationHeaderValue? Of(IHttpContextAccessor context) =>
        AuthenticationHeaderValue.TryParse(context.HttpContext?.Request.Headers.Authorization.ToString(), out var bearer) ? bearer : null;
}

using Approval.ServiceDefaults.Http;

namespace Approval.Reviews.Clients;

/// <summary>
/// Reads a project from the Projects service with the caller's own token: a project the caller may not read (another
/// applicant's) is simply not found.
/// </summary>
public sealed class ProjectsClient(HttpClient http, IHttpContextAccessor context)
{
    public Task<ProjectSummary?> GetAsync(string projectCode, CancellationToken ct) =>
        http.GetAsCallerAsync<ProjectSummary>($"/api/projects/{Uri.EscapeDataString(projectCode)}", context.HttpContext, ct);
}

/// <summary>The part of Projects' answer Reviews uses: the owner and the project's engineering codes.</summary>
public sealed record ProjectSummary(string ProjectCode, string Name, string OwnerId, string OwnerName, string RegionCode, List<EngineeringSummary> EngineeringCodes);

public sealed record EngineeringSummary(string EngineeringCode);

using Approval.ServiceDefaults.Http;

namespace Approval.Utilities.Clients;

/// <summary>
/// Reads a project phase by its engineering code (工程代码) from Projects with the caller's own token: another applicant's
/// project is simply not found there, so an application can only name the applicant's own project.
/// </summary>
public sealed class ProjectsClient(HttpClient http, IHttpContextAccessor context)
{
    public Task<ProjectPhase?> GetAsync(string engineeringCode, CancellationToken ct) =>
        http.GetAsCallerAsync<ProjectPhase>($"/api/projects/engineering/{Uri.EscapeDataString(engineeringCode)}", context.HttpContext, ct);
}

/// <summary>The part of Projects' answer Utilities uses; OwnerId is the applicant account that registered the project.</summary>
public sealed record ProjectPhase(string ProjectCode, string ProjectName, string EngineeringCode, Dictionary<string, string> Fields, string OwnerId = "");

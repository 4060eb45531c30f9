using Approval.ServiceDefaults.Http;

namespace Approval.Intake.Clients;

/// <summary>
/// Reads a project's data by its engineering code (工程代码) from the Projects service, with the caller's own token:
/// what the caller may not read (another applicant's project) is simply not found.
/// </summary>
public sealed class ProjectsClient(HttpClient http, IHttpContextAccessor context)
{
    public Task<ProjectPrefill?> GetPrefillAsync(string engineeringCode, CancellationToken ct) =>
        http.GetAsCallerAsync<ProjectPrefill>($"/api/projects/engineering/{Uri.EscapeDataString(engineeringCode)}", context.HttpContext, ct);
}

/// <summary>The part of Projects' prefill answer Intake uses; Fields is keyed by the catalog's prefill names (project.code, …).</summary>
/// <summary>A project phase as Projects serves it; OwnerId is the applicant account that registered the project.</summary>
public sealed record ProjectPrefill(string ProjectCode, string ProjectName, string EngineeringCode, Dictionary<string, string> Fields, string OwnerId = "");

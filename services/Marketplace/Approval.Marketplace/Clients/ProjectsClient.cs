using Approval.ServiceDefaults.Http;

namespace Approval.Marketplace.Clients;

/// <summary>
/// Reads a project phase by its engineering code from Projects with the caller's own token, as Intake does: a phase the
/// caller may not read (another applicant's) is simply not found.
/// </summary>
public sealed class ProjectsClient(HttpClient http, IHttpContextAccessor context)
{
    public Task<ProjectPhase?> GetPhaseAsync(string engineeringCode, CancellationToken ct) =>
        http.GetAsCallerAsync<ProjectPhase>($"/api/projects/engineering/{Uri.EscapeDataString(engineeringCode)}", context.HttpContext, ct);
}

/// <summary>The part of Projects' answer the marketplace keeps: the project and phase, the owner (the applicant's sub) and the
/// project's administrative division (行政区划代码), which the chosen agency must serve.</summary>
public sealed record ProjectPhase(string ProjectCode, string ProjectName, string EngineeringCode, string OwnerId = "", string DivisionCode = "");

using Microsoft.AspNetCore.Components.Authorization;

namespace Approval.Portal.Clients;

/// <summary>Projects: 我的项目 — 项目代码 and 工程代码 (docs/projects.md).</summary>
public sealed class ProjectsClient(HttpClient http, AuthenticationStateProvider authentication) : ServiceClient(http, authentication)
{
    public Task<List<Project>> ProjectsAsync(CancellationToken ct = default) => GetAsync<List<Project>>("/api/projects", ct);
    public Task<Project> RegisterProjectAsync(ProjectRegistration registration, CancellationToken ct = default) =>
        SendAsync<Project>(HttpMethod.Post, "/api/projects", registration, ct);
    public Task<Project> ProjectAsync(string projectCode, CancellationToken ct = default) =>
        GetAsync<Project>($"/api/projects/{Uri.EscapeDataString(projectCode)}", ct);
    public Task<Project> CorrectProjectAsync(string projectCode, ProjectCorrection correction, CancellationToken ct = default) =>
        SendAsync<Project>(HttpMethod.Put, $"/api/projects/{Uri.EscapeDataString(projectCode)}", correction, ct);
    public Task<Engineering> IssueEngineeringCodeAsync(string projectCode, string name, string? previousEngineeringCode, CancellationToken ct = default) =>
        SendAsync<Engineering>(HttpMethod.Post, $"/api/projects/{Uri.EscapeDataString(projectCode)}/engineering-codes", new { name, previousEngineeringCode }, ct);
}

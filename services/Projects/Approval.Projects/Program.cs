using Approval.Projects;
using Approval.Projects.Data;
using Approval.ServiceDefaults;

// AddServiceDefaults, AddProjects; the common pipeline and /health, then its endpoints; migrate, start (ApprovalService).
await ApprovalService.RunAsync<ProjectsDbContext>(args, b => b.AddProjects(), app => app.MapProjectsApi());

using Approval.Messaging;
using Approval.Projects.Api;
using Approval.Projects.Data;
using Approval.ServiceDefaults;
using Approval.ServiceDefaults.Region;

namespace Approval.Projects;

public static class ProjectsExtensions
{
    public static IHostApplicationBuilder AddProjects(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ProjectsDbContext>("projects");
        // Projects only publishes (ProjectRegistered, EngineeringCodeIssued); it consumes nothing yet.
        builder.AddApprovalMessaging<ProjectsDbContext>("projects", _ => { });
        builder.AddAuditLog<ProjectsDbContext>();
        // Project codes are checked against the deployment's region (the region pack).
        builder.AddDeploymentRegion();
        return builder;
    }

    public static WebApplication MapProjectsApi(this WebApplication app)
    {
        ProjectsApi.Map(app);
        app.MapAuditApi<ProjectsDbContext>("/api/projects/audit");
        return app;
    }
}

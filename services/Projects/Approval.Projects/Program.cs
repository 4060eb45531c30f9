using Approval.Messaging;
using Approval.Projects;
using Approval.Projects.Data;
using Approval.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddProjects();

var app = builder.Build();
app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapProjectsApi();

await app.MigrateDatabaseAsync<ProjectsDbContext>();
app.Run();

using Microsoft.EntityFrameworkCore.Design;

namespace Approval.Projects.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without a running database.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<ProjectsDbContext>
{
    public ProjectsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ProjectsDbContext>().UseNpgsql("Host=127.0.0.1;Database=design_time").Options);
}

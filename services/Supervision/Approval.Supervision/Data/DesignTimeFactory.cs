using Microsoft.EntityFrameworkCore.Design;

namespace Approval.Supervision.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without a running database.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<SupervisionDbContext>
{
    public SupervisionDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SupervisionDbContext>().UseNpgsql("Host=127.0.0.1;Database=design_time").Options);
}

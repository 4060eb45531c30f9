using Microsoft.EntityFrameworkCore.Design;

namespace Approval.Approvals.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without a running database.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<ApprovalsDbContext>
{
    public ApprovalsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ApprovalsDbContext>().UseNpgsql("Host=127.0.0.1;Database=design_time").Options);
}

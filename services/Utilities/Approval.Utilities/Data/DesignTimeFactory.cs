using Microsoft.EntityFrameworkCore.Design;

namespace Approval.Utilities.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without a running database.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<UtilitiesDbContext>
{
    public UtilitiesDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<UtilitiesDbContext>().UseNpgsql("Host=127.0.0.1;Database=design_time").Options);
}

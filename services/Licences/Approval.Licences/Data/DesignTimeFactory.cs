using Microsoft.EntityFrameworkCore.Design;

namespace Approval.Licences.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without a running database.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<LicencesDbContext>
{
    public LicencesDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<LicencesDbContext>().UseNpgsql("Host=127.0.0.1;Database=design_time").Options);
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Approval.Portal.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without a running database.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PortalDbContext>().UseNpgsql("Host=127.0.0.1;Database=design_time").Options);
}

using Microsoft.EntityFrameworkCore.Design;

namespace Approval.Identity.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without a running database.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<IdentityDbContext>
{
    public IdentityDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<IdentityDbContext>().UseNpgsql("Host=127.0.0.1;Database=design_time").UseOpenIddict().Options);
}

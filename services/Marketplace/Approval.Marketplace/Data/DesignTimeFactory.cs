using Microsoft.EntityFrameworkCore.Design;

namespace Approval.Marketplace.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without a running database.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<MarketplaceDbContext>
{
    public MarketplaceDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<MarketplaceDbContext>().UseNpgsql("Host=127.0.0.1;Database=design_time").Options);
}

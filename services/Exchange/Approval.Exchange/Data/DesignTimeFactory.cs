using Microsoft.EntityFrameworkCore.Design;

namespace Approval.Exchange.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without a running database.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<ExchangeDbContext>
{
    public ExchangeDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ExchangeDbContext>().UseNpgsql("Host=127.0.0.1;Database=design_time").Options);
}

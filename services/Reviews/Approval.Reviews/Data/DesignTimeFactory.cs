using Microsoft.EntityFrameworkCore.Design;

namespace Approval.Reviews.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without a running database.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<ReviewsDbContext>
{
    public ReviewsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ReviewsDbContext>().UseNpgsql("Host=127.0.0.1;Database=design_time").Options);
}

using Microsoft.EntityFrameworkCore.Design;

namespace Approval.Intake.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without a running database.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<IntakeDbContext>
{
    public IntakeDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<IntakeDbContext>().UseNpgsql("Host=127.0.0.1;Database=design_time").Options);
}

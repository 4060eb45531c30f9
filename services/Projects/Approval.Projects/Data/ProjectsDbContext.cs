using Approval.Messaging;
using Approval.Projects.Domain;

namespace Approval.Projects.Data;

public sealed class ProjectsDbContext(DbContextOptions<ProjectsDbContext> options) : DbContext(options)
{
    public DbSet<Project> Projects => Set<Project>();
    public DbSet<Engineering> Engineerings => Set<Engineering>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<Project>(e =>
        {
            e.ToTable("projects");
            e.HasKey(p => p.Id);
            e.Property(p => p.Id).ValueGeneratedNever();
            e.Property(p => p.Code).HasMaxLength(24);
            e.HasIndex(p => p.Code).IsUnique();
            e.HasIndex(p => p.OwnerId);
            e.HasIndex(p => new { p.RegionCode, p.RegisteredAt });
            e.Property(p => p.Name).HasMaxLength(200);
            e.Property(p => p.Address).HasMaxLength(300);
            e.Property(p => p.DivisionCode).HasMaxLength(6);
            e.Property(p => p.Longitude).HasPrecision(9, 6);
            e.Property(p => p.Latitude).HasPrecision(8, 6);
            e.Property(p => p.TotalInvestment).HasPrecision(18, 4);
            e.Property(p => p.Version).IsRowVersion();
        });
        model.Entity<Engineering>(e =>
        {
            e.ToTable("engineering_codes");
            e.HasKey(g => g.Id);
            e.Property(g => g.Id).ValueGeneratedNever();
            e.Property(g => g.Code).HasMaxLength(28);
            e.Property(g => g.PreviousCode).HasMaxLength(28);
            e.Property(g => g.Name).HasMaxLength(200);
            // The generated code and the phase number are unique: two concurrent requests can never hand out one code twice.
            e.HasIndex(g => g.Code).IsUnique();
            e.HasIndex(g => new { g.ProjectId, g.PhaseNo }).IsUnique();
            e.HasOne<Project>().WithMany().HasForeignKey(g => g.ProjectId);
        });
        model.AddOutboxAndInbox();
        model.AddAuditRecords();
    }
}

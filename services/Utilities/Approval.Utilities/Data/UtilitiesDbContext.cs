using Approval.Messaging;
using Approval.Messaging.Systems;
using Approval.Utilities.Domain;

namespace Approval.Utilities.Data;

public sealed class UtilitiesDbContext(DbContextOptions<UtilitiesDbContext> options) : DbContext(options)
{
    public DbSet<UtilityApplication> Applications => Set<UtilityApplication>();
    public DbSet<UtilityRequest> Requests => Set<UtilityRequest>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<UtilityApplication>(e =>
        {
            e.ToTable("utility_applications");
            e.HasKey(a => a.Id);
            e.Property(a => a.Id).ValueGeneratedNever();
            e.Property(a => a.ProjectCode).HasMaxLength(24);
            e.Property(a => a.EngineeringCode).HasMaxLength(28);
            e.Property(a => a.ProjectName).HasMaxLength(200);
            e.Property(a => a.ApplicantName).HasMaxLength(200);
            e.Property(a => a.Address).HasMaxLength(300);
            e.HasIndex(a => new { a.ApplicantId, a.AppliedAt });
        });
        model.Entity<UtilityRequest>(e =>
        {
            e.ToTable("utility_requests");
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).ValueGeneratedNever();
            e.Property(r => r.ProjectCode).HasMaxLength(24);
            e.Property(r => r.EngineeringCode).HasMaxLength(28);
            e.Property(r => r.UtilityCode).HasMaxLength(32);
            e.Property(r => r.ServiceType).HasMaxLength(16);
            e.Property(r => r.RequestType).HasMaxLength(8);
            e.Property(r => r.Fee).HasPrecision(18, 2);
            e.HasIndex(r => r.ApplicationId);
            e.HasIndex(r => new { r.UtilityCode, r.AppliedAt });
            e.HasIndex(r => new { r.ProjectCode, r.UtilityCode });
            e.HasOne<UtilityApplication>().WithMany().HasForeignKey(r => r.ApplicationId);
            e.OwnsMany(r => r.Steps, s => s.ToJson("steps"));
            e.OwnsMany(r => r.Supplements, s => s.ToJson("supplements"));
            e.Property(r => r.Version).IsRowVersion();
        });
        model.AddOutboxAndInbox();
        model.AddOrganisationSystems(); // the utilities' own systems: Idempotency-Key answers, webhooks
        model.AddAuditRecords();
    }
}

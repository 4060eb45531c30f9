using Approval.Intake.Domain;
using Approval.Messaging;
using Approval.ServiceDefaults.Audit;
using Microsoft.EntityFrameworkCore;

namespace Approval.Intake.Data;

public sealed class IntakeDbContext(DbContextOptions<IntakeDbContext> options) : DbContext(options)
{
    public DbSet<Application> Applications => Set<Application>();
    public DbSet<ProgressEntry> Progress => Set<ProgressEntry>();
    public DbSet<IssuedLicence> Licences => Set<IssuedLicence>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<Application>(e =>
        {
            e.ToTable("applications");
            e.HasKey(a => a.Id);
            e.Property(a => a.Id).ValueGeneratedNever();
            e.Property(a => a.FormData).HasColumnType("jsonb");
            e.Property(a => a.Status).HasConversion<int>();
            e.Property(a => a.Version).IsRowVersion();
            e.OwnsMany(a => a.Items, items => items.ToJson("items"));
            e.HasIndex(a => new { a.Status, a.ReceivedAt });
            e.HasIndex(a => a.ApplicantId);
        });
        model.Entity<ProgressEntry>(e =>
        {
            e.ToTable("progress_entries");
            e.HasKey(p => p.Id);
            e.HasIndex(p => new { p.ApplicationId, p.OccurredAt });
        });
        model.Entity<IssuedLicence>(e =>
        {
            e.ToTable("issued_licences");
            e.HasKey(l => l.LicenceId);
            e.HasIndex(l => l.ApplicationId);
        });
        model.AddOutboxAndInbox();
        model.AddAuditRecords();
    }
}

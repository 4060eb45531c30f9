using Approval.Intake.Domain;
using Approval.Messaging;

namespace Approval.Intake.Data;

public sealed class IntakeDbContext(DbContextOptions<IntakeDbContext> options) : DbContext(options)
{
    public DbSet<Application> Applications => Set<Application>();
    public DbSet<ProgressEntry> Progress => Set<ProgressEntry>();
    public DbSet<IssuedLicence> Licences => Set<IssuedLicence>();
    public DbSet<Material> Materials => Set<Material>();
    public DbSet<AttachedMaterial> AttachedMaterials => Set<AttachedMaterial>();
    public DbSet<AcceptanceConsultation> Consultations => Set<AcceptanceConsultation>();
    public DbSet<ApplicationDraft> Drafts => Set<ApplicationDraft>();
    public DbSet<PaperDelivery> Deliveries => Set<PaperDelivery>();
    public DbSet<ItemCorrection> ItemCorrections => Set<ItemCorrection>();

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
            e.OwnsMany(a => a.Corrections, c => c.ToJson("corrections"));
            e.Property(a => a.Channel).HasConversion<int>();
            e.HasIndex(a => new { a.Status, a.ReceivedAt });
            e.HasIndex(a => a.ApplicantId);
        });
        model.Entity<ItemCorrection>(e =>
        {
            e.ToTable("item_corrections");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.OwnsMany(x => x.Entries, c => c.ToJson("entries"));
            e.HasIndex(x => x.ApplicationId);
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
            e.Property(l => l.Content).AsJson();
            e.HasIndex(l => l.ApplicationId);
        });
        model.Entity<Material>(e =>
        {
            e.ToTable("materials");
            e.HasKey(m => m.Id);
            e.HasIndex(m => new { m.OwnerId, m.UploadedAt });
        });
        model.Entity<AttachedMaterial>(e =>
        {
            e.ToTable("attached_materials");
            e.HasKey(m => m.Id);
            e.HasIndex(m => m.ApplicationId);
            e.HasIndex(m => m.MaterialId);
        });
        model.Entity<AcceptanceConsultation>(e =>
        {
            e.ToTable("acceptance_consultations");
            e.HasKey(c => c.Id);
            e.HasIndex(c => c.ApplicationId);
            e.HasIndex(c => new { c.DepartmentCode, c.AnsweredAt });
        });
        model.Entity<ApplicationDraft>(e =>
        {
            e.ToTable("application_drafts");
            e.HasKey(d => d.Id);
            e.Property(d => d.Content).HasColumnType("jsonb");
            e.Property(d => d.Version).IsRowVersion();
            e.HasIndex(d => d.ApplicantId);
        });
        model.Entity<PaperDelivery>(e =>
        {
            e.ToTable("paper_deliveries");
            e.HasKey(d => d.ApplicationId);
        });
        model.AddOutboxAndInbox();
        model.AddAuditRecords();
    }
}

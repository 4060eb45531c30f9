using Approval.Approvals.Domain;
using Approval.Messaging;
using Approval.Messaging.Systems;

namespace Approval.Approvals.Data;

public sealed class ApprovalsDbContext(DbContextOptions<ApprovalsDbContext> options) : DbContext(options)
{
    public DbSet<ItemInstance> Items => Set<ItemInstance>();
    public DbSet<ItemStep> Steps => Set<ItemStep>();
    public DbSet<StageInstance> Stages => Set<StageInstance>();
    public DbSet<SpecialProcedure> SpecialProcedures => Set<SpecialProcedure>();
    public DbSet<ItemCorrection> ItemCorrections => Set<ItemCorrection>();
    public DbSet<Consultation> Consultations => Set<Consultation>();
    public DbSet<WebhookEndpoint> Webhooks => Set<WebhookEndpoint>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<WebhookAttempt> WebhookAttempts => Set<WebhookAttempt>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<StoredCalendarYear> CalendarYears => Set<StoredCalendarYear>();
    public DbSet<ConcludedReview> ConcludedReviews => Set<ConcludedReview>();

    /// <summary>The next serial of 并联审批实例编码 (unique across replicas, gaps allowed).</summary>
    public async Task<long> NextParallelSerialAsync(CancellationToken ct) =>
        await Database.SqlQuery<long>($"SELECT nextval('parallel_instance_serial') AS \"Value\"").SingleAsync(ct);

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<ConcludedReview>(e =>
        {
            e.ToTable("concluded_reviews");
            e.HasKey(r => r.ReviewId);
            e.HasIndex(r => new { r.RegionCode, r.ProjectCode, r.TypeCode });
        });
        model.Entity<ItemInstance>(e =>
        {
            e.ToTable("item_instances");
            e.HasKey(i => i.Id);
            e.Property(i => i.Id).ValueGeneratedNever();
            e.Property(i => i.Status).HasConversion<int>();
            e.Property(i => i.Version).IsRowVersion();
            e.Property(i => i.LicenceContent).AsJson();
            e.HasIndex(i => new { i.ApplicationId, i.ItemCode }).IsUnique();
            e.HasIndex(i => new { i.DepartmentCode, i.Status });
            e.HasIndex(i => i.ParallelInstanceCode);
            e.HasIndex(i => i.StageInstanceId);
        });
        model.HasSequence<long>("parallel_instance_serial");
        model.Entity<StageInstance>(e =>
        {
            e.ToTable("stage_instances");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.ApplicationId).IsUnique();
            e.HasIndex(x => x.ParallelInstanceCode).IsUnique();
            e.HasIndex(x => x.ProjectCode);
            e.Property(x => x.Status).HasConversion<int>();
            e.Property(x => x.Version).IsRowVersion();
        });
        model.Entity<SpecialProcedure>(e =>
        {
            e.ToTable("special_procedures");
            e.HasKey(x => x.Id);
            e.Property(x => x.Type).HasConversion<int>();
            e.HasIndex(x => x.ItemInstanceId);
        });
        model.Entity<ItemCorrection>(e =>
        {
            e.ToTable("item_corrections");
            e.HasKey(x => x.Id);
            e.OwnsMany(x => x.Entries, c => c.ToJson("entries"));
            e.OwnsMany(x => x.Files, f => f.ToJson("files"));
            e.HasIndex(x => x.ItemInstanceId);
        });
        model.Entity<Consultation>(e =>
        {
            e.ToTable("consultations");
            e.HasKey(x => x.Id);
            e.Property(x => x.Version).IsRowVersion();
            e.OwnsMany(x => x.Answers, a => a.ToJson("answers"));
            e.HasIndex(x => x.StageInstanceId);
        });
        // The department systems' webhooks and Idempotency-Key answers (shared with Reviews, Utilities, Marketplace).
        model.AddOrganisationSystems(endpointsTable: "department_webhooks");
        model.Entity<ItemStep>(e =>
        {
            e.ToTable("item_steps");
            e.HasKey(s => s.Id);
            e.HasIndex(s => new { s.ItemInstanceId, s.OccurredAt });
        });
        model.Entity<StoredCalendarYear>(e =>
        {
            e.ToTable("calendar_years");
            e.HasKey(x => x.Year);
            e.Property(x => x.Year).ValueGeneratedNever();
            e.Property(x => x.UploadedBy).HasMaxLength(200);
            e.Property(x => x.UploadedByName).HasMaxLength(200);
        });
        model.AddOutboxAndInbox();
        model.AddAuditRecords();
    }
}

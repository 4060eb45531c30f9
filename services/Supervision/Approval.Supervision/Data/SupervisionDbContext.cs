using System.Text.Json;
using Approval.Messaging;
using Approval.Messaging.Systems;
using Approval.Supervision.Domain;

namespace Approval.Supervision.Data;

public sealed class SupervisionDbContext(DbContextOptions<SupervisionDbContext> options) : DbContext(options)
{
    public DbSet<ItemClock> Items => Set<ItemClock>();
    public DbSet<StageClock> Stages => Set<StageClock>();
    public DbSet<ApplicationRecord> Applications => Set<ApplicationRecord>();
    public DbSet<SupervisionNotice> Notices => Set<SupervisionNotice>();
    public DbSet<DepartmentLead> Leads => Set<DepartmentLead>();
    public DbSet<RegulatorRecord> RegulatorRecords => Set<RegulatorRecord>();
    // 好差评: the ratings with their call-back tasks, and the supervisors known for escalations.
    public DbSet<Rating> Ratings => Set<Rating>();
    public DbSet<KnownSupervisor> Supervisors => Set<KnownSupervisor>();
    // 建议投诉 (docs/supervision.md)
    public DbSet<Complaint> Complaints => Set<Complaint>();
    // The figures' monthly totals, kept by every save of the item clocks (below).
    public DbSet<FigureTotal> MonthlyTotals => Set<FigureTotal>();

    /// <summary>
    /// Saves and adds what the saved item clocks change in the figures' monthly totals, in one transaction (the caller's,
    /// or one begun here): the totals always equal the clocks' sums (docs/supervision.md).
    /// </summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var deltas = FigureTotals.Deltas(ChangeTracker.Entries<ItemClock>());
        if (deltas.Count == 0) return base.SaveChanges(acceptAllChangesOnSuccess);
        using var tx = Database.CurrentTransaction is null ? Database.BeginTransaction() : null;
        Database.ExecuteSqlRaw(FigureTotals.UpsertSql, FigureTotals.UpsertParameters(deltas));
        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        tx?.Commit();
        return saved;
    }

    /// <inheritdoc cref="SaveChanges(bool)"/>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken ct = default)
    {
        var deltas = FigureTotals.Deltas(ChangeTracker.Entries<ItemClock>());
        if (deltas.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
        await using var tx = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(ct) : null;
        await Database.ExecuteSqlRawAsync(FigureTotals.UpsertSql, FigureTotals.UpsertParameters(deltas), ct);
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return saved;
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<ItemClock>(e =>
        {
            e.ToTable("item_clocks");
            e.HasKey(i => i.Id);
            e.Property(i => i.Id).ValueGeneratedNever();
            e.HasIndex(i => i.ItemInstanceId).IsUnique();
            e.HasIndex(i => new { i.ApplicationId, i.ItemCode }).IsUnique();
            e.HasIndex(i => i.ApplicantId);   // 好差评: an applicant's concluded items
            // The figures: one region's period, by department (the dashboard's main query), and the running clocks (the job).
            e.HasIndex(i => new { i.RegionCode, i.AcceptedDate, i.DepartmentCode });
            e.HasIndex(i => new { i.RegionCode, i.DepartmentCode, i.AcceptedDate });
            // A project's figures and its timeline (项目全流程时间轴).
            e.HasIndex(i => new { i.RegionCode, i.ProjectCode, i.AcceptedDate });
            e.HasIndex(i => i.AcceptedAt).HasFilter("\"ConcludedAt\" IS NULL").HasDatabaseName("ix_item_clocks_running");
            e.Property(i => i.RegionCode).HasMaxLength(6);
            e.Property(i => i.ProjectCode).HasMaxLength(24);
            e.Property(i => i.ItemCode).HasMaxLength(64);
            e.Property(i => i.DepartmentCode).HasMaxLength(64);
            e.Property(i => i.State).HasConversion<int>();
            e.Property(i => i.Pauses).HasColumnType("jsonb").HasConversion(
                v => JsonSerializer.Serialize(v, JsonSerializerOptions.Web),
                v => JsonSerializer.Deserialize<List<ClockPause>>(v, JsonSerializerOptions.Web)!);
            e.Ignore(i => i.Running);
            e.Property(i => i.Version).IsRowVersion();
        });
        model.Entity<FigureTotal>(e =>
        {
            e.ToTable("figure_totals");
            e.HasKey(t => new { t.RegionCode, t.Month, t.DepartmentCode, t.DepartmentName, t.ItemCode, t.ItemName, t.StageNo, t.FlowType, t.UsedWorkingDays });
            e.Property(t => t.RegionCode).HasMaxLength(6);
            e.Property(t => t.DepartmentCode).HasMaxLength(64);
            e.Property(t => t.ItemCode).HasMaxLength(64);
            e.Ignore(t => t.Key);
            e.Ignore(t => t.IsZero);
        });
        model.Entity<StageClock>(e =>
        {
            e.ToTable("stage_clocks");
            e.HasKey(s => s.ApplicationId);
            e.HasIndex(s => new { s.RegionCode, s.ProjectCode });
        });
        model.Entity<ApplicationRecord>(e =>
        {
            e.ToTable("applications");
            e.HasKey(a => a.ApplicationId);
            e.HasIndex(a => new { a.RegionCode, a.ReceivedDate });
        });
        model.Entity<SupervisionNotice>(e =>
        {
            e.ToTable("supervision_notices");
            e.HasKey(n => n.Id);
            e.HasIndex(n => n.ItemClockId);
            e.Property(n => n.Note).HasMaxLength(1000);
        });
        model.Entity<ServiceClock>(e =>
        {
            e.ToTable("service_clocks");
            e.HasKey(c => c.Id);
            e.Property(c => c.Id).ValueGeneratedNever();
            e.HasIndex(c => new { c.RegionCode, c.Kind, c.OpenedDate });
            e.HasIndex(c => c.OwnerId);   // 好差评: an owner's concluded services
            e.Property(c => c.State).HasConversion<int>();
            e.Property(c => c.Pauses).HasColumnType("jsonb").HasConversion(
                v => JsonSerializer.Serialize(v, JsonSerializerOptions.Web),
                v => JsonSerializer.Deserialize<List<ClockPause>>(v, JsonSerializerOptions.Web)!);
        });
        model.Entity<DepartmentLead>(e =>
        {
            e.ToTable("department_leads");
            e.HasKey(l => l.UserId);
            e.HasIndex(l => new { l.RegionCode, l.DepartmentCode });
        });
        // 审管联动: the regulators' records, their webhooks and Idempotency-Key answers.
        model.Entity<RegulatorRecord>(e =>
        {
            e.ToTable("regulator_records");
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).ValueGeneratedNever();
            e.HasIndex(r => new { r.RegionCode, r.ProjectCode, r.FiledAt });
            e.Property(r => r.Kind).HasMaxLength(32);
            e.Property(r => r.Title).HasMaxLength(100);
            e.Property(r => r.Summary).HasMaxLength(2000);
            e.Property(r => r.DocumentNo).HasMaxLength(64);
        });
        model.AddOrganisationSystems();
        // 好差评: one rating per matter or visit; a unit's tasks, the statistics' period, the escalation job's overdue ones.
        model.Entity<Rating>(e =>
        {
            e.ToTable("ratings");
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).ValueGeneratedNever();
            e.HasIndex(r => new { r.Kind, r.SubjectId }).IsUnique();
            e.HasIndex(r => new { r.RegionCode, r.UnitCode, r.TaskState });
            e.HasIndex(r => new { r.RegionCode, r.RatedDate });
            e.HasIndex(r => r.RaterId);
            e.HasIndex(r => r.RectificationDeadline).HasFilter("\"TaskState\" = 3 AND \"EscalatedAt\" IS NULL").HasDatabaseName("ix_ratings_rectifying");
            e.Property(r => r.Kind).HasMaxLength(16);
            e.Property(r => r.Channel).HasMaxLength(16);
            e.Property(r => r.RegionCode).HasMaxLength(6);
            e.Property(r => r.UnitCode).HasMaxLength(64);
            e.Property(r => r.Comment).HasMaxLength(Rating.MaxComment);
            e.Property(r => r.TaskState).HasConversion<int>();
            e.Ignore(r => r.Bad);
            e.Ignore(r => r.Counts);
            e.Property(r => r.Version).IsRowVersion();
        });
        model.Entity<KnownSupervisor>(e =>
        {
            e.ToTable("supervisors");
            e.HasKey(s => s.UserId);
            e.HasIndex(s => s.RegionCode);
        });
        // 建议投诉: a region's list by submission (newest first), a department's, a submitter's; the unanswered (the job).
        model.Entity<Complaint>(e =>
        {
            e.ToTable("complaints");
            e.HasKey(c => c.Id);
            e.Property(c => c.Id).ValueGeneratedNever();
            e.HasIndex(c => new { c.RegionCode, c.SubmittedAt });
            e.HasIndex(c => new { c.RegionCode, c.DepartmentCode, c.SubmittedAt });
            e.HasIndex(c => c.SubmitterId);
            e.HasIndex(c => c.Deadline).HasFilter("\"AnsweredAt\" IS NULL AND \"EscalatedAt\" IS NULL").HasDatabaseName("ix_complaints_unanswered");
            e.Property(c => c.RegionCode).HasMaxLength(6);
            e.Property(c => c.Kind).HasMaxLength(16);
            e.Property(c => c.DepartmentCode).HasMaxLength(64);
            e.Property(c => c.ItemCode).HasMaxLength(Complaint.MaxItemCode);
            e.Property(c => c.Title).HasMaxLength(Complaint.MaxTitle);
            e.Property(c => c.Text).HasMaxLength(Complaint.MaxText);
            e.Property(c => c.Answer).HasMaxLength(Complaint.MaxAnswer);
            e.Ignore(c => c.Answered);
            e.Ignore(c => c.KindName);
            e.Property(c => c.Version).IsRowVersion();
        });
        model.AddOutboxAndInbox();
        model.AddAuditRecords();
    }
}

using System.Text.Json;
using Approval.Exchange.Domain;
using Approval.Messaging;

namespace Approval.Exchange.Data;

/// <summary>
/// The exchange's own database: the rows of the national tables with their state (the staging side of the front database),
/// the source records the rows are built from, the event counts of the reconciliation and the last round.
/// </summary>
public sealed class ExchangeDbContext(DbContextOptions<ExchangeDbContext> options) : DbContext(options)
{
    public DbSet<ExchangeRow> Rows => Set<ExchangeRow>();
    public DbSet<ProjectRecord> Projects => Set<ProjectRecord>();
    public DbSet<EngineeringRecord> Engineerings => Set<EngineeringRecord>();
    public DbSet<CaseRecord> Cases => Set<CaseRecord>();
    public DbSet<SourceCount> SourceCounts => Set<SourceCount>();
    public DbSet<ExchangeRun> Runs => Set<ExchangeRun>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<ExchangeRow>(e =>
        {
            e.ToTable("exchange_rows");
            e.HasKey(r => r.Id);
            e.HasIndex(r => new { r.Table, r.LocalKey }).IsUnique();
            // The sender's queue (pending in upload order) and the children waiting for a parent.
            e.HasIndex(r => new { r.Order, r.ChangedAt }).HasFilter("\"State\" = 0").HasDatabaseName("ix_exchange_rows_pending");
            e.HasIndex(r => new { r.ParentKey, r.State });
            e.HasIndex(r => new { r.RegionCode, r.ChangedDate });
            e.Property(r => r.Table).HasMaxLength(40);
            e.Property(r => r.LocalKey).HasMaxLength(200);
            e.Property(r => r.ParentKey).HasMaxLength(200);
            e.Property(r => r.RegionCode).HasMaxLength(6);
            e.Property(r => r.State).HasConversion<int>();
            e.Property(r => r.Values).HasColumnType("jsonb").HasConversion(
                v => JsonSerializer.Serialize(v, JsonSerializerOptions.Web),
                v => JsonSerializer.Deserialize<Dictionary<string, string?>>(v, JsonSerializerOptions.Web)!);
            e.Property(r => r.Version).IsRowVersion();
        });
        model.Entity<ProjectRecord>(e => { e.ToTable("projects"); e.HasKey(p => p.Code); e.Property(p => p.Code).HasMaxLength(24); });
        model.Entity<EngineeringRecord>(e =>
        {
            e.ToTable("engineerings");
            e.HasKey(p => p.Code);
            e.HasIndex(p => p.ProjectCode);
        });
        model.Entity<CaseRecord>(e =>
        {
            e.ToTable("cases");
            e.HasKey(c => c.ApplicationId);
            e.Property(c => c.ApplicationId).ValueGeneratedNever();
            e.Property(c => c.Items).HasColumnType("jsonb").HasConversion(
                v => JsonSerializer.Serialize(v, JsonSerializerOptions.Web),
                v => JsonSerializer.Deserialize<List<CaseItem>>(v, JsonSerializerOptions.Web)!);
        });
        model.Entity<SourceCount>(e => { e.ToTable("source_counts"); e.HasKey(c => c.EventType); });
        model.Entity<ExchangeRun>(e => { e.ToTable("exchange_runs"); e.HasKey(r => r.Id); e.Property(r => r.Id).ValueGeneratedNever(); });
        model.AddOutboxAndInbox();
        model.AddAuditRecords();
    }
}

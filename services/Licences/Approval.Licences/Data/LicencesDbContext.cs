using Approval.Licences.Domain;
using Approval.Messaging;

namespace Approval.Licences.Data;

public sealed class LicencesDbContext(DbContextOptions<LicencesDbContext> options) : DbContext(options)
{
    public const string SerialSequence = "licence_serial";

    public DbSet<Licence> Licences => Set<Licence>();
    public DbSet<LicenceHistoryEntry> LicenceHistory => Set<LicenceHistoryEntry>();
    public DbSet<Seal> Seals => Set<Seal>();
    public DbSet<ArchivePackage> Archives => Set<ArchivePackage>();
    public DbSet<ConcludedItem> ConcludedItems => Set<ConcludedItem>();

    /// <summary>The next value of the serial sequence (unique across replicas, gaps allowed).</summary>
    public async Task<long> NextSerialAsync(CancellationToken ct) =>
        await Database.SqlQuery<long>($"SELECT nextval('licence_serial') AS \"Value\"").SingleAsync(ct);

    /// <summary>
    /// Licences issued by department systems and archives built before issue 13 carry no region: one deployment serves one
    /// region (R-0.3), so they are that region's. Idempotent; run at start.
    /// </summary>
    public async Task AssignDeploymentRegionAsync(string regionCode, CancellationToken ct)
    {
        await Licences.Where(l => l.RegionCode == "").ExecuteUpdateAsync(u => u.SetProperty(l => l.RegionCode, regionCode), ct);
        await Archives.Where(a => a.RegionCode == "").ExecuteUpdateAsync(u => u.SetProperty(a => a.RegionCode, regionCode), ct);
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.HasSequence<long>(SerialSequence);
        model.Entity<Licence>(e =>
        {
            e.ToTable("licences");
            e.HasKey(l => l.Id);
            e.Property(l => l.Content).AsJson();
            e.HasIndex(l => l.Identifier).IsUnique();
            // At most one licence in force per item instance: after a revocation or a recorded expiry the department may
            // issue again (POST /api/licences); certificates issued before issue 13 by department systems carry no item instance.
            e.HasIndex(l => l.ItemInstanceId).IsUnique()
                .HasFilter("\"ItemInstanceId\" <> '00000000-0000-0000-0000-000000000000' AND \"RevokedAt\" IS NULL AND \"ExpiryAnnouncedAt\" IS NULL");
            e.HasIndex(l => l.ApplicationId);
            e.HasIndex(l => l.HolderId);
            e.HasIndex(l => l.HolderNumber);
            e.HasIndex(l => l.PdfDigest);
            e.HasIndex(l => l.ValidTo).HasFilter("\"ExpiryAnnouncedAt\" IS NULL AND \"ValidTo\" IS NOT NULL");
            e.HasMany(l => l.History).WithOne().HasForeignKey(h => h.LicenceId);
        });
        model.Entity<LicenceHistoryEntry>(e => e.ToTable("licence_history"));
        model.Entity<Seal>(e =>
        {
            e.ToTable("seals");
            e.HasKey(s => s.Id);
            e.HasIndex(s => new { s.HolderCode, s.Version }).IsUnique();
            e.HasIndex(s => s.SealCode).IsUnique();
            e.Ignore(s => s.IsRoot);
        });
        model.Entity<ArchivePackage>(e =>
        {
            e.ToTable("archives");
            e.HasKey(a => a.Id);
            e.HasIndex(a => a.ApplicationId);
        });
        model.Entity<ConcludedItem>(e =>
        {
            e.ToTable("concluded_items");
            e.HasKey(i => i.ItemInstanceId);
            e.Property(i => i.Content).AsJson();
        });
        model.AddOutboxAndInbox();
        model.AddAuditRecords();
    }
}

using Approval.Catalog.Domain;
using Approval.Messaging;

namespace Approval.Catalog.Data;

public sealed class CatalogDbContext(DbContextOptions<CatalogDbContext> options) : DbContext(options)
{
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<Stage> Stages => Set<Stage>();
    public DbSet<Flow> Flows => Set<Flow>();
    public DbSet<AnnouncedFlow> AnnouncedFlows => Set<AnnouncedFlow>();
    public DbSet<ItemVersion> ItemVersions => Set<ItemVersion>();
    public DbSet<Question> Questions => Set<Question>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<Region>(e => { e.ToTable("regions"); e.HasKey(r => r.Code); });
        model.Entity<Department>(e => { e.ToTable("departments"); e.HasKey(d => d.Code); });
        model.Entity<Stage>(e => { e.ToTable("stages"); e.HasKey(s => s.No); e.Property(s => s.No).ValueGeneratedNever(); });
        model.Entity<Flow>(e =>
        {
            e.ToTable("flows");
            e.HasKey(f => f.Code);
            e.Property(f => f.Stages).AsJson();
        });
        model.Entity<AnnouncedFlow>(e => { e.ToTable("announced_flows"); e.HasKey(a => new { a.Code, a.Version }); });
        // Item versions are history: no foreign keys to departments or stages, which a later pack may drop.
        model.Entity<ItemVersion>(e =>
        {
            e.ToTable("item_versions");
            e.HasKey(v => new { v.Code, v.Version });
            e.Property(v => v.Definition).AsJson();
            e.Property(v => v.Status).HasConversion<int>();
            e.Property(v => v.RowVersion).IsRowVersion();
            e.HasIndex(v => new { v.StageNo, v.Status });
        });
        model.Entity<Question>(e =>
        {
            e.ToTable("questions");
            e.HasKey(q => q.Id);
            e.Property(q => q.Id).ValueGeneratedNever();
            e.Property(q => q.RowVersion).IsRowVersion();
            e.HasIndex(q => new { q.DepartmentCode, q.AskedAt });
            e.HasIndex(q => new { q.ItemCode, q.PublishedAt });
            e.HasIndex(q => q.AskerId);
        });
        model.AddOutboxAndInbox();
    }
}

using Approval.Catalog.Domain;
using Microsoft.EntityFrameworkCore;

namespace Approval.Catalog.Data;

public sealed class CatalogDbContext(DbContextOptions<CatalogDbContext> options) : DbContext(options)
{
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<Stage> Stages => Set<Stage>();
    public DbSet<Item> Items => Set<Item>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<Region>(e => { e.ToTable("regions"); e.HasKey(r => r.Code); });
        model.Entity<Department>(e => { e.ToTable("departments"); e.HasKey(d => d.Code); });
        model.Entity<Stage>(e => { e.ToTable("stages"); e.HasKey(s => s.No); e.Property(s => s.No).ValueGeneratedNever(); });
        model.Entity<Item>(e =>
        {
            e.ToTable("items");
            e.HasKey(i => i.Code);
            e.HasOne<Stage>().WithMany().HasForeignKey(i => i.StageNo);
            e.HasOne<Department>().WithMany().HasForeignKey(i => i.DepartmentCode);
        });
    }
}

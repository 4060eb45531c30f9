using Approval.Marketplace.Domain;
using Approval.Messaging;
using Approval.Messaging.Systems;

namespace Approval.Marketplace.Data;

public sealed class MarketplaceDbContext(DbContextOptions<MarketplaceDbContext> options) : DbContext(options)
{
    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<PublishedService> Services => Set<PublishedService>();
    public DbSet<Selection> Selections => Set<Selection>();
    public DbSet<Commission> Commissions => Set<Commission>();
    public DbSet<Deliverable> Deliverables => Set<Deliverable>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<Agency>(e =>
        {
            e.ToTable("agencies");
            e.Property(a => a.Id).ValueGeneratedNever();
            e.HasIndex(a => new { a.RegionCode, a.OrgCode }).IsUnique();
            e.Property(a => a.OrgCode).HasMaxLength(64);
            e.Property(a => a.RegionCode).HasMaxLength(6);
            e.Property(a => a.Name).HasMaxLength(200);
            e.Property(a => a.CreditCode).HasMaxLength(18);
            e.Property(a => a.Contact).HasMaxLength(100);
            e.Property(a => a.FeeMin).HasPrecision(14, 2);
            e.Property(a => a.FeeMax).HasPrecision(14, 2);
            e.Property(a => a.Status).HasConversion<int>();
            e.OwnsMany(a => a.Qualifications, q => q.ToJson("qualifications"));
            e.Property(a => a.Version).IsRowVersion();
        });
        model.Entity<PublishedService>(e =>
        {
            e.ToTable("services");
            e.Property(s => s.Id).ValueGeneratedNever();
            e.HasIndex(s => new { s.AgencyId, s.ServiceType }).IsUnique();
            e.Property(s => s.ServiceType).HasMaxLength(40);
            e.HasOne<Agency>().WithMany().HasForeignKey(s => s.AgencyId);
        });
        model.Entity<Selection>(e =>
        {
            e.ToTable("selections");
            e.Property(s => s.Id).ValueGeneratedNever();
            e.HasIndex(s => s.OwnerId);
            e.Property(s => s.Method).HasConversion<int>();
            e.Property(s => s.ServiceType).HasMaxLength(40);
            e.Property(s => s.DivisionCode).HasMaxLength(6);
            e.OwnsMany(s => s.Quotes, q => q.ToJson("quotes"));
            e.Property(s => s.Version).IsRowVersion();
        });
        model.Entity<Commission>(e =>
        {
            e.ToTable("commissions");
            e.Property(c => c.Id).ValueGeneratedNever();
            e.HasIndex(c => c.SelectionId).IsUnique();
            e.HasIndex(c => c.OwnerId);
            e.HasIndex(c => c.AgencyId);
            e.Property(c => c.Status).HasConversion<int>();
            e.OwnsMany(c => c.Milestones, m => m.ToJson("milestones"));
            e.HasOne<Selection>().WithMany().HasForeignKey(c => c.SelectionId);
            e.Property(c => c.Version).IsRowVersion();
        });
        model.Entity<Deliverable>(e =>
        {
            e.ToTable("deliverables");
            e.Property(d => d.Id).ValueGeneratedNever();
            e.HasIndex(d => d.CommissionId);
            e.HasOne<Commission>().WithMany().HasForeignKey(d => d.CommissionId);
        });
        model.AddOutboxAndInbox();
        model.AddOrganisationSystems(); // the agencies' own systems: Idempotency-Key answers, webhooks
        model.AddAuditRecords();
    }
}

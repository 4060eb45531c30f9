using Approval.Approvals.Domain;
using Approval.Messaging;
using Approval.ServiceDefaults.Audit;
using Microsoft.EntityFrameworkCore;

namespace Approval.Approvals.Data;

public sealed class ApprovalsDbContext(DbContextOptions<ApprovalsDbContext> options) : DbContext(options)
{
    public DbSet<ItemInstance> Items => Set<ItemInstance>();
    public DbSet<ItemStep> Steps => Set<ItemStep>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<ItemInstance>(e =>
        {
            e.ToTable("item_instances");
            e.HasKey(i => i.Id);
            e.Property(i => i.Id).ValueGeneratedNever();
            e.Property(i => i.Status).HasConversion<int>();
            e.Property(i => i.Version).IsRowVersion();
            e.HasIndex(i => new { i.ApplicationId, i.ItemCode }).IsUnique();
            e.HasIndex(i => new { i.DepartmentCode, i.Status });
        });
        model.Entity<ItemStep>(e =>
        {
            e.ToTable("item_steps");
            e.HasKey(s => s.Id);
            e.HasIndex(s => new { s.ItemInstanceId, s.OccurredAt });
        });
        model.AddOutboxAndInbox();
        model.AddAuditRecords();
    }
}

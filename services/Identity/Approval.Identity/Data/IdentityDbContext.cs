using Approval.Identity.Domain;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Approval.ServiceDefaults.Audit;
using Microsoft.EntityFrameworkCore;

namespace Approval.Identity.Data;

/// <summary>Accounts and roles (ASP.NET Core Identity), organisations, and OpenIddict's applications and tokens.</summary>
public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options) : IdentityDbContext<ApprovalUser>(options)
{
    public DbSet<Organisation> Organisations => Set<Organisation>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.UseOpenIddict();
        model.AddAuditRecords();
        model.Entity<Organisation>(e => { e.ToTable("organisations"); e.HasKey(o => new { o.RegionCode, o.Code }); });
        model.Entity<ApprovalUser>(e =>
        {
            e.Property(u => u.DisplayName).HasMaxLength(200);
            e.HasIndex(u => u.RealNameNumber).IsUnique();
        });
    }
}

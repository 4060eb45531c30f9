using Approval.Identity.Domain;
using Approval.ServiceDefaults;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace Approval.Identity.Data;

/// <summary>Accounts and roles (ASP.NET Core Identity), organisations, OpenIddict's applications and tokens, and the Data Protection keys of its cookies.</summary>
public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options) : IdentityDbContext<ApprovalUser>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<SignInFailure> SignInFailures => Set<SignInFailure>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.UseOpenIddict();
        model.AddAuditRecords();
        model.AddDataProtectionKeys();
        model.Entity<Organisation>(e => { e.ToTable("organisations"); e.HasKey(o => new { o.RegionCode, o.Code }); });
        model.Entity<SignInFailure>(e =>
        {
            e.ToTable("sign_in_failures");
            e.HasKey(f => new { f.UserId, f.Address });
            e.Property(f => f.UserId).HasColumnName("user_id").HasMaxLength(450);
            e.Property(f => f.Address).HasColumnName("address").HasMaxLength(64);
            e.Property(f => f.Failures).HasColumnName("failures");
            e.Property(f => f.FirstFailureAt).HasColumnName("first_failure_at");
            e.Property(f => f.LockedUntil).HasColumnName("locked_until");
        });
        model.Entity<ApprovalUser>(e =>
        {
            e.Property(u => u.DisplayName).HasMaxLength(200);
            e.HasIndex(u => u.RealNameNumber).IsUnique();
        });
    }
}

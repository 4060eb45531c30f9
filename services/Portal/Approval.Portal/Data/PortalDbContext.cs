using Approval.ServiceDefaults;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Approval.Portal.Data;

/// <summary>
/// The portal's own database (approval_portal): only the Data Protection keys of its sign-in cookie, antiforgery tokens
/// and OIDC handshake, so a restart or a second replica keeps everyone signed in. Everything else the portal shows
/// belongs to the services it calls.
/// </summary>
public sealed class PortalDbContext(DbContextOptions<PortalDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder model) => model.AddDataProtectionKeys();
}

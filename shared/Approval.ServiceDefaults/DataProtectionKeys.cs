using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Approval.ServiceDefaults;

public static class DataProtectionKeys
{
    /// <summary>
    /// ASP.NET Core Data Protection (the keys that encrypt sign-in cookies, antiforgery tokens and the OIDC handshake's
    /// state) kept in the service's own database (table <c>data_protection_keys</c> of <typeparamref name="TContext"/>),
    /// under a fixed application name: a restart or another replica reads the same keys, so cookies issued before stay valid.
    /// </summary>
    public static IHostApplicationBuilder AddDataProtectionKeys<TContext>(this IHostApplicationBuilder builder, string application)
        where TContext : DbContext, IDataProtectionKeyContext
    {
        builder.Services.AddDataProtection().SetApplicationName(application).PersistKeysToDbContext<TContext>();
        return builder;
    }

    /// <summary>Maps the keys' table in snake case, as every table of the suite is named.</summary>
    public static ModelBuilder AddDataProtectionKeys(this ModelBuilder model)
    {
        model.Entity<DataProtectionKey>(e =>
        {
            e.ToTable("data_protection_keys");
            e.Property(k => k.Id).HasColumnName("id");
            e.Property(k => k.FriendlyName).HasColumnName("friendly_name");
            e.Property(k => k.Xml).HasColumnName("xml");
        });
        return model;
    }
}

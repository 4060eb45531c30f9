using System.Security.Cryptography;
using Approval.Identity.Data;
using Approval.Portal.Data;
using Approval.ServiceDefaults;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Approval.Integration.Tests;

/// <summary>
/// Identity and the portal keep their Data Protection keys (cookies, antiforgery, the OIDC handshake) in their own
/// database: what one process protected, a new process on the same database — a restart, another replica — reads,
/// and a process on another database cannot.
/// </summary>
public sealed class DataProtectionKeysTests
{
    [Fact]
    public Task The_portals_keys_survive_a_restart() => CheckAsync<PortalDbContext>("portal", "approval-portal");

    [Fact]
    public Task Identitys_keys_survive_a_restart() => CheckAsync<IdentityDbContext>("identity", "approval-identity");

    private static async Task CheckAsync<TContext>(string service, string application) where TContext : DbContext, IDataProtectionKeyContext
    {
        var database = new FreshDatabase<TContext>($"keys_{service}");
        var other = new FreshDatabase<TContext>($"keys_{service}_other");
        try
        {
            await database.InitializeAsync();
            await other.InitializeAsync();
            string cookie;
            using (var first = Start<TContext>(service, application, database.ConnectionString))
                cookie = Protector(first).Protect("已登录的会话 / a signed-in session");

            await using (var db = database.NewContext())
                Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync());
            using (var restarted = Start<TContext>(service, application, database.ConnectionString))
                Assert.Equal("已登录的会话 / a signed-in session", Protector(restarted).Unprotect(cookie));
            using (var elsewhere = Start<TContext>(service, application, other.ConnectionString))
                Assert.ThrowsAny<CryptographicException>(() => Protector(elsewhere).Unprotect(cookie));
        }
        finally
        {
            await database.DisposeAsync();
            await other.DisposeAsync();
        }
    }

    /// <summary>A new process of the service, as far as its keys go: its database and its Data Protection, registered as the service does.</summary>
    private static IHost Start<TContext>(string service, string application, string connectionString) where TContext : DbContext, IDataProtectionKeyContext
    {
        var builder = Host.CreateEmptyApplicationBuilder(new());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [$"ConnectionStrings:{service}db"] = connectionString });
        builder.AddServiceDatabase<TContext>(service);
        builder.AddDataProtectionKeys<TContext>(application);
        return builder.Build();
    }

    private static IDataProtector Protector(IHost host) => host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Approval.Tests");
}

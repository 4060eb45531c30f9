using System.Security.Cryptography;
using Approval.Identity;
using Approval.Identity.Clients;
using Approval.Identity.Data;
using Approval.Identity.Seed;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using OpenIddict.EntityFrameworkCore.Models;

namespace Approval.Integration.Tests;

/// <summary>
/// The Identity seeder on a real, migrated database: started again with other portal redirect URIs (a new gateway
/// port, a new public host), it replaces the portal client's URIs instead of keeping the first deployment's; each
/// department system gets its own secret (configured or generated), and a rotated secret's predecessor is accepted
/// for the grace period only.
/// </summary>
public sealed class IdentitySeedTests : IAsyncLifetime
{
    private readonly FreshDatabase<IdentityDbContext> database = new("idseed");
    private readonly string signingKey = RSA.Create(2048).ExportRSAPrivateKeyPem();

    [Fact]
    public async Task A_restart_with_other_redirect_uris_replaces_the_portal_clients_uris()
    {
        Assert.Equal(["http://127.0.0.1:18080/signin-oidc"], await SeedAsync("http://127.0.0.1:18080/signin-oidc"));
        Assert.Equal(["http://127.0.0.1:18080/signin-oidc"], await SeedAsync("http://127.0.0.1:18080/signin-oidc"));
        Assert.Equal(["http://127.0.0.1:28080/signin-oidc", "https://approval.example.gov.cn/signin-oidc"],
            await SeedAsync("http://127.0.0.1:28080/signin-oidc", "https://approval.example.gov.cn/signin-oidc"));
    }

    [Fact]
    public async Task Each_department_system_has_its_own_secret_and_a_rotated_one_is_accepted_for_the_grace_period_only()
    {
        var secrets = new Dictionary<string, string?>
        {
            ["Approval:Identity:DepartmentClients:ZJJ:Secret"] = "zjj-secret-1", ["Approval:Identity:DepartmentClients:CGJ:Secret"] = "cgj-secret-1",
        };
        string rotated = "";
        await WithSeededAsync(secrets, async (manager, _) =>
        {
            Assert.True(await manager.ValidateClientSecretAsync(await ClientAsync(manager, "ZJJ"), "zjj-secret-1"));
            Assert.True(await manager.ValidateClientSecretAsync(await ClientAsync(manager, "CGJ"), "cgj-secret-1"));
            Assert.False(await manager.ValidateClientSecretAsync(await ClientAsync(manager, "CGJ"), "zjj-secret-1"));
            // Not configured: a generated secret nobody knows (the region admin rotates to hand one out).
            var rfb = await ClientAsync(manager, "RFB");
            Assert.Equal("generated", ClientProperties.Text(await manager.GetPropertiesAsync(rfb), ClientProperties.SecretSource));
            Assert.False(await manager.ValidateClientSecretAsync(rfb, "zjj-secret-1"));
        });
        await WithSeededAsync(secrets, async (manager, clock) =>
        {
            var zjj = await ClientAsync(manager, "ZJJ");
            Assert.True(await manager.ValidateClientSecretAsync(zjj, "zjj-secret-1"), "a restart with the same setting keeps the secret");
            rotated = ClientProperties.NewSecret();
            var until = await manager.RotateSecretAsync(zjj, rotated, ClientProperties.Rotated, CancellationToken.None);
            Assert.Equal(clock.GetUtcNow() + TimeSpan.FromHours(24), until);
            Assert.True(await manager.ValidateClientSecretAsync(zjj, rotated));
            clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));
            Assert.True(await manager.ValidateClientSecretAsync(zjj, "zjj-secret-1"), "within the grace period");
            clock.Advance(TimeSpan.FromSeconds(1));
            Assert.False(await manager.ValidateClientSecretAsync(zjj, "zjj-secret-1"), "at the end of the grace period");
            Assert.True(await manager.ValidateClientSecretAsync(zjj, rotated));
        });
        // The unchanged setting does not undo the admin's rotation; a changed setting applies, the rotated secret in grace.
        await WithSeededAsync(secrets, async (manager, _) => Assert.True(await manager.ValidateClientSecretAsync(await ClientAsync(manager, "ZJJ"), rotated)));
        secrets["Approval:Identity:DepartmentClients:ZJJ:Secret"] = "zjj-secret-2";
        await WithSeededAsync(secrets, async (manager, _) =>
        {
            var zjj = await ClientAsync(manager, "ZJJ");
            Assert.True(await manager.ValidateClientSecretAsync(zjj, "zjj-secret-2"));
            Assert.True(await manager.ValidateClientSecretAsync(zjj, rotated));
            Assert.False(await manager.ValidateClientSecretAsync(zjj, "zjj-secret-1"));
        });
    }

    private static async Task<OpenIddictEntityFrameworkCoreApplication> ClientAsync(ApprovalApplicationManager manager, string department) =>
        await manager.FindByClientIdAsync(ClientProperties.ClientIdOf(department)) ?? throw new InvalidOperationException($"no client for {department}");

    /// <summary>Seeds with the given redirect URIs, as Identity does on start, and reads the portal client's URIs back, sorted.</summary>
    private async Task<string[]> SeedAsync(params string[] redirects)
    {
        var settings = new Dictionary<string, string?>();
        for (var i = 0; i < redirects.Length; i++) settings[$"Approval:Identity:PortalRedirectUris:{i}"] = redirects[i];
        string[] uris = [];
        await WithSeededAsync(settings, async (applications, _) =>
        {
            var client = await applications.FindByClientIdAsync(IdentitySeeder.PortalClient) ?? throw new InvalidOperationException("no portal client");
            uris = (await applications.GetRedirectUrisAsync(client)).Order(StringComparer.Ordinal).ToArray();
        });
        return uris;
    }

    /// <summary>Seeds as Identity does on start (with these settings and a clock the test moves), then runs the check.</summary>
    private async Task WithSeededAsync(Dictionary<string, string?> extra, Func<ApprovalApplicationManager, ManualClock, Task> check)
    {
        var builder = WebApplication.CreateBuilder();
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:identitydb"] = database.ConnectionString,
            ["Approval:RegionPack"] = RepoPaths.RegionPack(),
            ["Approval:Identity:SigningKey"] = signingKey,
            ["Approval:Identity:EncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        };
        foreach (var (key, value) in extra) settings[key] = value;
        builder.Configuration.AddInMemoryCollection(settings);
        var clock = new ManualClock(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.AddIdentityServer();
        await using var app = builder.Build();
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IdentityDbContext>().Database.MigrateAsync();
        await scope.ServiceProvider.GetRequiredService<IdentitySeeder>().SeedAsync(RepoPaths.RegionPack(), CancellationToken.None);
        await check((ApprovalApplicationManager)scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>(), clock);
    }

    /// <summary>A clock the test sets and moves.</summary>
    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
        public void Advance(TimeSpan by) => now += by;
    }

    public Task InitializeAsync() => database.InitializeAsync();

    public Task DisposeAsync() => database.DisposeAsync();
}

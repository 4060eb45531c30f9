using System.Security.Cryptography;
using Approval.Identity;
using Approval.Identity.Data;
using Approval.Identity.Seed;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenIddict.Abstractions;

namespace Approval.Messaging.Tests;

/// <summary>
/// The Identity seeder on a real, migrated database: started again with other portal redirect URIs (a new gateway
/// port, a new public host), it replaces the portal client's URIs instead of keeping the first deployment's.
/// </summary>
public sealed class IdentitySeedTests : IAsyncLifetime
{
    private readonly string connectionString =
        new NpgsqlConnectionStringBuilder(TestServers.Postgres) { Database = $"approval_idseed_{Guid.NewGuid():N}" }.ConnectionString;
    private readonly string signingKey = RSA.Create(2048).ExportRSAPrivateKeyPem();

    [Fact]
    public async Task A_restart_with_other_redirect_uris_replaces_the_portal_clients_uris()
    {
        Assert.Equal(["http://127.0.0.1:18080/signin-oidc"], await SeedAsync("http://127.0.0.1:18080/signin-oidc"));
        Assert.Equal(["http://127.0.0.1:18080/signin-oidc"], await SeedAsync("http://127.0.0.1:18080/signin-oidc"));
        Assert.Equal(["http://127.0.0.1:28080/signin-oidc", "https://approval.example.gov.cn/signin-oidc"],
            await SeedAsync("http://127.0.0.1:28080/signin-oidc", "https://approval.example.gov.cn/signin-oidc"));
    }

    /// <summary>Seeds with the given redirect URIs, as Identity does on start, and reads the portal client's URIs back, sorted.</summary>
    private async Task<string[]> SeedAsync(params string[] redirects)
    {
        var builder = WebApplication.CreateBuilder();
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:identitydb"] = connectionString,
            ["Approval:RegionPack"] = RepoPaths.RegionPack(),
            ["Approval:Identity:SigningKey"] = signingKey,
            ["Approval:Identity:EncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        };
        for (var i = 0; i < redirects.Length; i++) settings[$"Approval:Identity:PortalRedirectUris:{i}"] = redirects[i];
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddIdentityServer();
        await using var app = builder.Build();
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IdentityDbContext>().Database.MigrateAsync();
        await scope.ServiceProvider.GetRequiredService<IdentitySeeder>().SeedAsync(RepoPaths.RegionPack(), CancellationToken.None);

        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var client = await applications.FindByClientIdAsync(IdentitySeeder.PortalClient) ?? throw new InvalidOperationException("no portal client");
        return (await applications.GetRedirectUrisAsync(client)).Order(StringComparer.Ordinal).ToArray();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var db = new IdentityDbContext(new DbContextOptionsBuilder<IdentityDbContext>().UseNpgsql(connectionString).Options);
        await db.Database.EnsureDeletedAsync();
    }
}

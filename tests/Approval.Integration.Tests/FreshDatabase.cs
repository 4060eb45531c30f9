using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Approval.Integration.Tests;

/// <summary>
/// A database of one test's own on the run's PostgreSQL (approval_&lt;purpose&gt;_&lt;guid&gt;): created on
/// <see cref="InitializeAsync"/> from <typeparamref name="TContext"/>'s migrations — or, for a context without any,
/// from its model — and dropped on <see cref="DisposeAsync"/>. The one way the integration tests get a database.
/// </summary>
public sealed class FreshDatabase<TContext>(string purpose, params IInterceptor[] interceptors) : IAsyncLifetime
    where TContext : DbContext
{
    public string ConnectionString { get; } =
        new NpgsqlConnectionStringBuilder(TestServers.Postgres) { Database = $"approval_{purpose}_{Guid.NewGuid():N}" }.ConnectionString;

    /// <summary>A new context on this database (the caller disposes it).</summary>
    public TContext NewContext()
    {
        var options = new DbContextOptionsBuilder<TContext>().UseNpgsql(ConnectionString);
        if (interceptors.Length > 0) options.AddInterceptors(interceptors);
        return (TContext)Activator.CreateInstance(typeof(TContext), options.Options)!;
    }

    public async Task InitializeAsync()
    {
        await using var db = NewContext();
        if (db.Database.GetMigrations().Any()) await db.Database.MigrateAsync();
        else await db.Database.EnsureCreatedAsync();
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var db = NewContext();
        await db.Database.EnsureDeletedAsync();
    }
}

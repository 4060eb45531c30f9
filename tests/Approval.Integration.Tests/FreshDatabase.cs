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
        new NpgsqlConnectionStringBuilder(TestServers.Postgres) { Database = Name(purpose) }.ConnectionString;

    /// <summary>PostgreSQL keeps 63 bytes of a name and cuts the rest: cut here, so the name asked for is the one it keeps.</summary>
    private static string Name(string purpose) => $"approval_{purpose}_{Guid.NewGuid():N}" is var name && name.Length > 63 ? name[..63] : name;

    /// <summary>
    /// Whether a session on this database waits on a lock, read on a connection of its own (inside a transaction,
    /// pg_stat_activity is one snapshot and would not change while polled).
    /// </summary>
    public async Task<bool> SomeoneWaitsOnLockAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", connection);
        return (long)(await count.ExecuteScalarAsync())! > 0;
    }

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

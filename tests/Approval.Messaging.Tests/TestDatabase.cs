using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Approval.Messaging.Tests;

/// <summary>A fresh database per test, dropped afterwards.</summary>
public sealed class TestDatabase : IAsyncLifetime
{
    public string ConnectionString { get; } =
        new NpgsqlConnectionStringBuilder(TestServers.Postgres) { Database = $"approval_msg_{Guid.NewGuid():N}" }.ConnectionString;

    public TestDbContext NewContext() =>
        new(new DbContextOptionsBuilder<TestDbContext>().UseNpgsql(ConnectionString).Options);

    public async Task InitializeAsync()
    {
        await using var db = NewContext();
        await db.Database.EnsureCreatedAsync();
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var db = NewContext();
        await db.Database.EnsureDeletedAsync();
    }

    public async Task<Dictionary<string, int>> EffectCountsAsync()
    {
        await using var db = NewContext();
        return await db.Effects.GroupBy(e => e.Key).ToDictionaryAsync(g => g.Key, g => g.Count());
    }
}

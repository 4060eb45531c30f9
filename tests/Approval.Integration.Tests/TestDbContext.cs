using Approval.ServiceDefaults.Audit;
using Microsoft.EntityFrameworkCore;

namespace Approval.Integration.Tests;

/// <summary>A service-like database: the outbox/inbox tables plus a table of effects to count.</summary>
public sealed class TestDbContext(DbContextOptions<TestDbContext> options) : DbContext(options)
{
    public DbSet<Effect> Effects => Set<Effect>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        // No unique key on Key on purpose: a doubled effect must be visible as two rows.
        model.Entity<Effect>(e => { e.ToTable("effects"); e.HasKey(x => x.Id); });
        model.AddOutboxAndInbox();
        model.AddAuditRecords();
    }
}

public static class EffectCounts
{
    /// <summary>How often each effect happened in this database.</summary>
    public static async Task<Dictionary<string, int>> EffectCountsAsync(this FreshDatabase<TestDbContext> database)
    {
        await using var db = database.NewContext();
        return await db.Effects.GroupBy(e => e.Key).ToDictionaryAsync(g => g.Key, g => g.Count());
    }
}

public sealed class Effect
{
    public long Id { get; set; }
    public required string Key { get; set; }
    public required string Instance { get; set; }
}

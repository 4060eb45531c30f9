using Approval.Projects.Data;
using Approval.ServiceDefaults.Audit;
using Microsoft.EntityFrameworkCore;

namespace Approval.Integration.Tests;

/// <summary>
/// The audit hash chain on a real migrated service database (Projects'), written as the services write it: through
/// the chain interceptor, by many writers at once, with and without a transaction of their own.
/// </summary>
public sealed class AuditChainDatabaseTests : IAsyncLifetime
{
    private readonly FreshDatabase<ProjectsDbContext> database = new("chain", new AuditChainInterceptor());

    private ProjectsDbContext NewContext() => database.NewContext();

    public Task InitializeAsync() => database.InitializeAsync();

    public Task DisposeAsync() => database.DisposeAsync();

    private static AuditRecord Record(string objectId) => new()
    {
        Id = Guid.CreateVersion7(), OccurredAt = DateTimeOffset.UtcNow, Service = "projects", Action = AuditActions.StateChange,
        ObjectType = "project", ObjectId = objectId, Outcome = "创建", RemoteAddress = "127.0.0.9",
    };

    [Fact]
    public async Task Concurrent_writers_make_one_unbroken_chain_and_a_record_changed_behind_the_trigger_is_named()
    {
        // 20 writers at once, two records each: half in a transaction of their own, half without one.
        await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            await using var db = NewContext();
            await using var tx = i % 2 == 0 ? await db.Database.BeginTransactionAsync() : null;
            db.Set<AuditRecord>().AddRange(Record($"p{i}-a"), Record($"p{i}-b"));
            await db.SaveChangesAsync();
            if (tx is not null) await tx.CommitAsync();
        }));
        // A writer that fails (duplicate id) leaves no hole in the chain.
        await using (var failing = NewContext())
        {
            var existing = await failing.Set<AuditRecord>().AsNoTracking().FirstAsync();
            failing.Set<AuditRecord>().Add(new AuditRecord { Id = existing.Id, OccurredAt = DateTimeOffset.UtcNow, Service = "projects", Action = "x" });
            await Assert.ThrowsAsync<DbUpdateException>(() => failing.SaveChangesAsync());
        }

        await using var db = NewContext();
        var report = await AuditChainVerifier.VerifyAsync(db, CancellationToken.None);
        Assert.Equal(new AuditChainReport(true, 40, 0, null), report);
        Assert.Equal(Enumerable.Range(1, 40).Select(n => (long?)n), await db.Set<AuditRecord>().OrderBy(r => r.Sequence).Select(r => r.Sequence).ToListAsync());

        var victim = await db.Set<AuditRecord>().AsNoTracking().SingleAsync(r => r.Sequence == 17);
        await db.Database.ExecuteSqlRawAsync(
            """SET session_replication_role = replica; UPDATE audit_records SET "RemoteAddress" = '203.0.113.9' WHERE "Sequence" = 17; SET session_replication_role = origin;""");
        var broken = await AuditChainVerifier.VerifyAsync(db, CancellationToken.None);
        Assert.False(broken.Ok);
        Assert.Equal(16, broken.Count);
        Assert.Equal((victim.Id, (long?)17), (broken.Broken!.Id, broken.Broken.Sequence));
        Assert.Contains("altered", broken.Broken.Problem);

        // Removing a record (behind the trigger) shows as a gap at the record after it.
        await db.Database.ExecuteSqlRawAsync(
            """SET session_replication_role = replica; UPDATE audit_records SET "RemoteAddress" = '127.0.0.9' WHERE "Sequence" = 17; DELETE FROM audit_records WHERE "Sequence" = 30; SET session_replication_role = origin;""");
        var gap = await AuditChainVerifier.VerifyAsync(db, CancellationToken.None);
        Assert.Equal((false, 29L, (long?)31), (gap.Ok, gap.Count, gap.Broken!.Sequence));
        Assert.Contains("missing", gap.Broken.Problem);
    }
}

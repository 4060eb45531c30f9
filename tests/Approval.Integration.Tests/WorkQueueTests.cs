using Approval.ServiceDefaults.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Approval.Integration.Tests;

/// <summary>The claim-and-retry building block (ServiceDefaults/Jobs/WorkQueue) on the real PostgreSQL, with outbox rows as the queue.</summary>
public sealed class WorkQueueTests : IAsyncLifetime
{
    private readonly FreshDatabase<TestDbContext> database = new("queue");

    public Task InitializeAsync() => database.InitializeAsync();

    public Task DisposeAsync() => database.DisposeAsync();

    private static FormattableString Due(DateTimeOffset now, int batch) =>
        $"SELECT * FROM outbox_messages WHERE sent_at IS NULL AND next_attempt_at <= {now} ORDER BY id LIMIT {batch}";

    private async Task<List<long>> QueueAsync(int count)
    {
        await using var db = database.NewContext();
        for (var i = 0; i < count; i++) db.AddOutboxEvent(new QueuedWork($"w-{i}"), $"aggregate-{i}", TimeProvider.System);
        await db.SaveChangesAsync();
        return await db.Set<OutboxMessage>().Select(m => m.Id).ToListAsync();
    }

    [Fact]
    public async Task Competing_workers_never_claim_the_same_row_and_together_claim_every_row()
    {
        var queued = await QueueAsync(400);
        async Task<List<long>> WorkerAsync()
        {
            var mine = new List<long>();
            await using var db = database.NewContext();
            while (true)
            {
                var claimed = await WorkQueue.ClaimAsync<OutboxMessage>(db, Due(DateTimeOffset.UtcNow, 7), TimeSpan.FromMinutes(5), TimeProvider.System, CancellationToken.None);
                if (claimed.Count == 0) return mine;
                mine.AddRange(claimed.Select(m => m.Id));
                db.ChangeTracker.Clear();
            }
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(WorkerAsync)));
        var all = claims.SelectMany(c => c).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Equal(queued.Order(), all.Order());
        Assert.True(claims.Count(c => c.Count > 0) > 1, "the work was shared: more than one worker claimed rows");
    }

    [Fact]
    public async Task A_worker_whose_lease_ran_out_and_passed_on_records_nothing_and_the_new_holder_records_its_outcome()
    {
        await QueueAsync(1);
        await using var first = database.NewContext();
        var now = DateTimeOffset.UtcNow;
        // A lease already over: the row is due again at once, as if the first worker had hung past its lease.
        var stale = Assert.Single(await WorkQueue.ClaimAsync<OutboxMessage>(first, Due(now, 10), TimeSpan.Zero, TimeProvider.System, CancellationToken.None));
        await using var second = database.NewContext();
        var held = Assert.Single(await WorkQueue.ClaimAsync<OutboxMessage>(second, Due(DateTimeOffset.UtcNow, 10), TimeSpan.FromMinutes(5), TimeProvider.System, CancellationToken.None));
        Assert.Equal(stale.Id, held.Id);

        await using (var late = database.NewContext())
        {
            late.Effects.Add(new Effect { Key = "late-sink-record", Instance = "first" });
            Assert.Equal(0, await WorkQueue.RecordAsync(late, [stale], m => m.SentAt = now, CancellationToken.None));
        }
        await using (var current = database.NewContext())
            Assert.Equal(1, await WorkQueue.RecordAsync(current, [held], m => m.LastError = "recorded by the holder", CancellationToken.None));

        await using var check = database.NewContext();
        var row = await check.Set<OutboxMessage>().SingleAsync();
        Assert.Null(row.SentAt);
        Assert.Equal("recorded by the holder", row.LastError);
        Assert.Empty(await check.Effects.ToListAsync());
    }

    [Fact]
    public async Task A_leased_row_is_not_claimed_again_before_its_lease_ends()
    {
        await QueueAsync(1);
        await using var db = database.NewContext();
        Assert.Single(await WorkQueue.ClaimAsync<OutboxMessage>(db, Due(DateTimeOffset.UtcNow, 10), TimeSpan.FromMinutes(5), TimeProvider.System, CancellationToken.None));
        await using var other = database.NewContext();
        Assert.Empty(await WorkQueue.ClaimAsync<OutboxMessage>(other, Due(DateTimeOffset.UtcNow, 10), TimeSpan.FromMinutes(5), TimeProvider.System, CancellationToken.None));
        Assert.Single(await WorkQueue.ClaimAsync<OutboxMessage>(other, Due(DateTimeOffset.UtcNow.AddMinutes(6), 10), TimeSpan.FromMinutes(5), TimeProvider.System, CancellationToken.None));
    }
}

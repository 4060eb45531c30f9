using Approval.Exchange.Data;
using Approval.Exchange.Domain;
using Approval.Exchange.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Approval.Integration.Tests;

/// <summary>
/// 全量补传 while a sender round is in flight, on the exchange's migrated database (issue 22: a backfill during a round
/// answered 500): the round has marked one row and goes on to the next, which the region-wide UPDATE would take first. The
/// backfill waits for the round instead of deadlocking with it, and then queues every row.
/// </summary>
public sealed class ExchangeBackfillTests
{
    private const string Region = "320193";

    [Fact]
    public async Task A_backfill_during_a_round_waits_for_it_instead_of_deadlocking()
    {
        var database = new FreshDatabase<ExchangeDbContext>("exchange_backfill");
        await database.InitializeAsync();
        try
        {
            var now = DateTimeOffset.UtcNow;
            var ids = new List<Guid>();
            foreach (var key in new[] { "K1", "K2" })   // one save each: the table's order is K1, K2
            {
                await using var db = database.NewContext();
                var row = ExchangeRow.Create(SpglTables.All[0], key, Region);
                row.Stage(new Dictionary<string, string?> { ["XMDM"] = key }, null, true, null, now, DateOnly.FromDateTime(now.UtcDateTime));
                row.MarkSent(now);
                db.Rows.Add(row);
                await db.SaveChangesAsync();
                ids.Add(row.Id);
            }

            // A round in flight: it holds the round's lock and has marked K2.
            await using var round = database.NewContext();
            await using var roundTx = await round.Database.BeginTransactionAsync();
            Assert.True(await round.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({ExchangeRound.RoundLock}) AS \"Value\"").SingleAsync());
            await round.Database.ExecuteSqlAsync($"UPDATE exchange_rows SET \"SendCount\" = \"SendCount\" + 1 WHERE \"Id\" = {ids[1]}");

            var backfill = Task.Run(async () =>
            {
                await using var db = database.NewContext();
                await using var tx = await db.Database.BeginTransactionAsync();
                var queued = await ExchangeRound.QueueAllAgainAsync(db, Region, CancellationToken.None);
                await tx.CommitAsync();
                return queued;
            });
            await Eventually.Until(async () => backfill.IsCompleted || await database.SomeoneWaitsOnLockAsync(),
                "the backfill waits on a lock", TimeSpan.FromSeconds(20));
            Assert.False(backfill.IsCompleted, "the backfill did not wait for the round in flight");

            // The round goes on to K1 and commits; a backfill holding K1 and waiting for K2 would be cancelled as a deadlock.
            await round.Database.ExecuteSqlAsync($"UPDATE exchange_rows SET \"SendCount\" = \"SendCount\" + 1 WHERE \"Id\" = {ids[0]}");
            await roundTx.CommitAsync();

            Assert.Equal(2, await backfill.WaitAsync(TimeSpan.FromSeconds(30)));
            await using var check = database.NewContext();
            Assert.Equal([(RowState.Pending, 2), (RowState.Pending, 2)],
                (await check.Rows.AsNoTracking().OrderBy(r => r.LocalKey).ToListAsync()).Select(r => (r.State, r.SendCount)));
        }
        finally
        {
            await database.DisposeAsync();
        }
    }
}

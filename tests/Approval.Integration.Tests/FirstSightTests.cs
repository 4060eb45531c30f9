using Approval.Exchange.Consumers;
using Approval.Exchange.Data;
using Approval.Exchange.Domain;
using Approval.Supervision.Consumers;
using Approval.Supervision.Data;
using Microsoft.EntityFrameworkCore;

namespace Approval.Integration.Tests;

/// <summary>
/// Two consumers meeting a new record at once (<c>FindOrCreateAsync</c>), on the owning service's migrated database
/// (issue 22: after a restart the exchange took its backlog in parallel and ~1,100 of its messages failed on a unique key
/// and were retried; Supervision's 接件 and 受理 collided on one case in fifteen): the second waits for the first's
/// transaction and then changes the record the first created.
/// </summary>
public sealed class FirstSightTests
{
    private const string Region = "320193";

    [Fact]
    public async Task A_row_staged_by_two_transactions_at_once_is_created_once()
    {
        var now = DateTimeOffset.UtcNow;
        var writes = 0;
        RowValues Values() => new(SpglTables.All[0], "K1", null, new Dictionary<string, string?> { ["XMMC"] = ++writes == 1 ? "第一次" : "第二次" });
        await BothAtOnceAsync<ExchangeDbContext>("exchange_first_row",
            db => db.StageAsync(Values(), Region, now, CancellationToken.None),
            async check => Assert.Equal(["第二次"], (await check.Rows.AsNoTracking().ToListAsync()).Select(r => r.Values["XMMC"])));
    }

    [Fact]
    public async Task A_case_met_by_two_transactions_at_once_is_created_once()
    {
        var id = Guid.CreateVersion7();
        var channel = 0;
        await BothAtOnceAsync<ExchangeDbContext>("exchange_first_case",
            async db => (await db.CaseAsync(id, Region, "2611-320193-89-01-000001", CancellationToken.None)).Channel = $"{++channel}",
            async check => Assert.Equal([(id, (string?)"2")], (await check.Cases.AsNoTracking().ToListAsync()).Select(c => (c.ApplicationId, c.Channel))));
    }

    [Fact]
    public async Task A_supervision_application_met_by_two_transactions_at_once_is_created_once()
    {
        var id = Guid.CreateVersion7();
        var stage = 0;
        await BothAtOnceAsync<SupervisionDbContext>("supervision_first",
            async db => (await db.ApplicationAsync(id, Region, CancellationToken.None)).StageNo = ++stage,
            async check => Assert.Equal([(id, 2)], (await check.Applications.AsNoTracking().ToListAsync()).Select(a => (a.ApplicationId, a.StageNo))));
    }

    /// <summary>
    /// The first transaction writes and saves but does not commit; the second writes the same while the first is open and
    /// is seen waiting on a lock; then the first commits, the second must save and commit, and <paramref name="check"/> reads.
    /// </summary>
    private static async Task BothAtOnceAsync<TContext>(string purpose, Func<TContext, Task> write, Func<TContext, Task> check)
        where TContext : DbContext
    {
        var database = new FreshDatabase<TContext>(purpose);
        await database.InitializeAsync();
        try
        {
            await using var first = database.NewContext();
            await using var firstTx = await first.Database.BeginTransactionAsync();
            await write(first);
            await first.SaveChangesAsync();

            var second = Task.Run(async () =>
            {
                await using var db = database.NewContext();
                await using var tx = await db.Database.BeginTransactionAsync();
                await write(db);
                await db.SaveChangesAsync();
                await tx.CommitAsync();
            });
            await Eventually.Until(async () => second.IsCompleted || await database.SomeoneWaitsOnLockAsync(),
                "the second transaction waits on a lock", TimeSpan.FromSeconds(20));
            Assert.False(second.IsCompleted, "the second transaction did not wait for the first");

            await firstTx.CommitAsync();
            await second.WaitAsync(TimeSpan.FromSeconds(30));
            await using var reader = database.NewContext();
            await check(reader);
        }
        finally
        {
            await database.DisposeAsync();
        }
    }
}

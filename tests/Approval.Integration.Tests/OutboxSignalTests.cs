using Approval.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Approval.Integration.Tests;

/// <summary>
/// The relay's wake-up (<see cref="OutboxSignal"/>) on a real database: a commit that added outbox rows wakes it, and only
/// such a commit (issue 22: a commit without events, the relay's own included, started a round that found nothing).
/// </summary>
public sealed class OutboxSignalTests : IAsyncLifetime
{
    private readonly OutboxSignal signal = new();
    private readonly FreshDatabase<TestDbContext> database;

    public OutboxSignalTests() => database = new("signal", signal);

    public Task InitializeAsync() => database.InitializeAsync();

    public Task DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task A_commit_without_events_does_not_wake_the_relay()
    {
        await using var db = database.NewContext();
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            db.Effects.Add(new Effect { Key = "no-event", Instance = "a" });
            await db.SaveChangesAsync();
            await tx.CommitAsync();
        }
        db.Effects.Add(new Effect { Key = "no-event-either", Instance = "a" });
        await db.SaveChangesAsync();

        Assert.False(await Woken(), "a commit without outbox rows woke the relay");
    }

    [Fact]
    public async Task Events_saved_in_a_transaction_wake_the_relay_when_it_commits_and_not_before()
    {
        await using var db = database.NewContext();
        await using var tx = await db.Database.BeginTransactionAsync();
        db.Effects.Add(new Effect { Key = "with-event", Instance = "a" });
        db.AddOutboxEvent(new RecoveryEvent("with-event"), "aggregate-1", TimeProvider.System);
        await db.SaveChangesAsync();
        Assert.False(await Woken(), "the relay was woken before the commit, when it cannot see the rows yet");

        await tx.CommitAsync();
        Assert.True(await Woken(), "the commit of outbox rows did not wake the relay");
    }

    [Fact]
    public async Task Events_saved_without_a_transaction_of_the_callers_wake_the_relay()
    {
        await using var db = database.NewContext();
        db.AddOutboxEvent(new RecoveryEvent("auto-commit"), "aggregate-2", TimeProvider.System);
        await db.SaveChangesAsync();

        Assert.True(await Woken(), "the save's own commit of outbox rows did not wake the relay");
    }

    [Fact]
    public async Task Marking_rows_sent_as_the_relay_does_does_not_wake_it_again()
    {
        await using var db = database.NewContext();
        var row = db.AddOutboxEvent(new RecoveryEvent("sent"), "aggregate-4", TimeProvider.System);
        await db.SaveChangesAsync();
        Assert.True(await Woken(), "the save's own commit of outbox rows did not wake the relay");

        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            row.SentAt = DateTimeOffset.UtcNow;
            await db.SaveChangesAsync();
            await tx.CommitAsync();
        }
        Assert.False(await Woken(), "the relay's own commit woke it");
    }

    [Fact]
    public async Task Events_rolled_back_do_not_wake_the_relay_and_a_later_commit_without_events_does_not_either()
    {
        await using var db = database.NewContext();
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            db.AddOutboxEvent(new RecoveryEvent("rolled-back"), "aggregate-3", TimeProvider.System);
            await db.SaveChangesAsync();
            await tx.RollbackAsync();
        }
        db.ChangeTracker.Clear();
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            db.Effects.Add(new Effect { Key = "after-rollback", Instance = "a" });
            await db.SaveChangesAsync();
            await tx.CommitAsync();
        }

        Assert.False(await Woken(), "rolled-back outbox rows woke the relay");
    }

    /// <summary>Whether the relay would be woken now (the signal is taken, as the relay takes it).</summary>
    private Task<bool> Woken() => signal.WaitAsync(TimeSpan.Zero, CancellationToken.None);
}

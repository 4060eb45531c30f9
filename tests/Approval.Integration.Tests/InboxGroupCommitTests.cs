using Approval.ServiceDefaults;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Approval.Integration.Tests;

/// <summary>
/// Consumed messages sharing one transaction (<see cref="InboxGroupCommit{TContext}"/>, issue 22), on a real database: the
/// messages that arrive while a group works commit with it, a group takes at most ConsumerGroupSize, a message that throws
/// having written nothing leaves its group to commit, and one that throws after writing fails its group, keeping nothing —
/// through the bus each message is then applied once.
/// </summary>
public sealed class InboxGroupCommitTests : IAsyncLifetime
{
    private readonly FreshDatabase<TestDbContext> database = new("groups", NoAutoSavepoints.Instance);

    public Task InitializeAsync() => database.InitializeAsync();

    public Task DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task Messages_arriving_while_a_group_works_commit_in_its_one_transaction()
    {
        var results = await RunWhileTheFirstHoldsAsync(Groups(16), members: 5, failing: null);

        Assert.All(results, r => Assert.Equal("Committed", r));
        Assert.Equal(5, (await database.EffectCountsAsync()).Count);
        Assert.Single(await TransactionsAsync());
    }

    [Fact]
    public async Task A_group_takes_at_most_the_group_size_and_the_next_works_after_it()
    {
        var results = await RunWhileTheFirstHoldsAsync(Groups(2), members: 5, failing: null);

        Assert.All(results, r => Assert.Equal("Committed", r));
        Assert.Equal(5, (await database.EffectCountsAsync()).Count);
        Assert.Equal(3, (await TransactionsAsync()).Count);  // 2 + 2 + 1
    }

    [Fact]
    public async Task A_member_that_throws_after_writing_fails_its_group_and_nothing_is_kept()
    {
        var results = await RunWhileTheFirstHoldsAsync(Groups(16), members: 4, failing: 2, withdraws: false);

        // the member that threw gets its exception; the others join the next group
        Assert.Equal(["Rejoin", "Rejoin", "InvalidOperationException", "Rejoin"], results);
        Assert.Empty(await database.EffectCountsAsync());
    }

    [Fact]
    public async Task A_member_that_withdraws_leaves_the_rest_of_its_group_to_commit()
    {
        var results = await RunWhileTheFirstHoldsAsync(Groups(16), members: 4, failing: 2, withdraws: true);

        Assert.Equal(["Committed", "Committed", "InvalidOperationException", "Committed"], results);
        Assert.Equal(["m0", "m1", "m3"], (await database.EffectCountsAsync()).Keys.Order());
        Assert.Single(await TransactionsAsync());
    }

    [Fact]
    public async Task A_group_whose_members_were_all_cancelled_still_keeps_the_next_group_behind_the_one_before_it()
    {
        var groups = Groups(1);
        var holding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstWorked = 0;
        await using var first = database.NewContext();
        await using var second = database.NewContext();
        await using var third = database.NewContext();
        var firstRun = groups.RunAsync(first, async _ =>
        {
            holding.SetResult();
            await release.Task;
            Volatile.Write(ref firstWorked, 1);
        }, CancellationToken.None);
        await holding.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // the second group's only member gives up while it waits for the first group (a consumer stopping)
        using var stopping = new CancellationTokenSource();
        var secondRun = groups.RunAsync(second, _ => Task.CompletedTask, stopping.Token);
        await stopping.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => secondRun);

        // the third group must still wait for the first: it must not start while the first holds (half a second to show it)
        var thirdStarted = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thirdRun = groups.RunAsync(third, _ =>
        {
            thirdStarted.TrySetResult(Volatile.Read(ref firstWorked) == 1);
            return Task.CompletedTask;
        }, CancellationToken.None);
        await Assert.ThrowsAsync<TimeoutException>(() => thirdStarted.Task.WaitAsync(TimeSpan.FromMilliseconds(500)));
        release.SetResult();

        Assert.Equal(GroupOutcome.Committed, await firstRun);
        Assert.Equal(GroupOutcome.Committed, await thirdRun);
        Assert.True(await thirdStarted.Task);  // it started after the first group's work
    }

    [Fact]
    public async Task Through_the_bus_a_message_that_throws_having_written_nothing_leaves_its_group_to_commit()
    {
        var script = new GroupScript();
        var transactions = await HoldAndSendAsync(script, "a", "fail-once", "b");

        Assert.Equal(2, script.Failures);  // withdrew from the group, retried and applied
        Assert.Equal(1, script.Runs("hold"));  // its group was not failed by fail-once: applied once
        Assert.Equal(transactions["hold"], transactions["a"]);
        Assert.Equal(transactions["hold"], transactions["b"]);
        Assert.NotEqual(transactions["hold"], transactions["fail-once"]);
    }

    [Fact]
    public async Task Through_the_bus_a_message_that_throws_after_writing_fails_its_group_and_every_message_applies_once()
    {
        var script = new GroupScript();
        var transactions = await HoldAndSendAsync(script, "a", "write-then-fail-once", "b");

        Assert.Equal(2, script.Failures);  // failed the group, retried and applied
        Assert.Equal(2, script.Runs("hold"));  // its group failed: applied again in the next
        Assert.NotEqual(transactions["hold"], transactions["write-then-fail-once"]);
    }

    [Fact]
    public async Task Through_the_bus_the_messages_of_a_held_group_commit_together()
    {
        var transactions = await HoldAndSendAsync(new GroupScript(), "a", "b", "c");

        Assert.Single(transactions.Values.Distinct());
    }

    /// <summary>
    /// Sends "hold", and while its consumer holds its group, the <paramref name="keys"/>; waits until they have joined, lets
    /// "hold" go and waits until every message is applied, each once (its inbox row too). The transaction of each effect.
    /// </summary>
    private async Task<Dictionary<string, string>> HoldAndSendAsync(GroupScript script, params string[] keys)
    {
        using var host = await MessagingHost.StartAsync(database, "grouped", x =>
        {
            x.AddSingleton(script);
            x.AddConsumer<GroupedConsumer>();
        });
        var groups = host.Services.GetRequiredService<InboxGroupCommit<TestDbContext>>();
        var bus = host.Services.GetRequiredService<IBus>();

        await bus.Publish(new GroupedEvent("hold"));
        await script.Holding.Task.WaitAsync(TimeSpan.FromSeconds(30));
        foreach (var key in keys) await bus.Publish(new GroupedEvent(key));
        await Eventually.Until(() => Task.FromResult(groups.OpenMembers == keys.Length + 1), "the later messages join the held group");
        script.Release.SetResult();

        await Eventually.Until(async () => (await database.EffectCountsAsync()).Count == keys.Length + 1, "every message is applied");
        Assert.All((await database.EffectCountsAsync()).Values, count => Assert.Equal(1, count));
        await using var db = database.NewContext();
        Assert.Equal(keys.Length + 1, await db.Set<Approval.Messaging.InboxMessage>().CountAsync());
        return await TransactionOfEachAsync();
    }

    private static InboxGroupCommit<TestDbContext> Groups(int size) =>
        new(Options.Create(new Approval.Messaging.MessagingOptions { ConsumerGroupSize = size }), new WrittenCommands(), new OutboxSignal());

    /// <summary>
    /// The first member saves its effect and holds its turn until every other member has joined (each joins before its
    /// RunAsync returns). The member at index <paramref name="failing"/> throws: after saving its effect, or, when it
    /// <paramref name="withdraws"/>, before (having written nothing, as <see cref="InboxConsumer{TContext,TMessage}"/> checks).
    /// Each member's outcome, or the name of the exception it got.
    /// </summary>
    private async Task<string[]> RunWhileTheFirstHoldsAsync(InboxGroupCommit<TestDbContext> groups, int members, int? failing,
        bool withdraws = false)
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var contexts = Enumerable.Range(0, members).Select(_ => database.NewContext()).ToList();
        try
        {
            var runs = contexts.Select(async (db, i) =>
            {
                try
                {
                    return (await groups.RunAsync(db, async ct =>
                    {
                        if (i == failing && withdraws) throw new GroupWithdrawal(new InvalidOperationException($"member {i} fails"));
                        db.Effects.Add(new Effect { Key = $"m{i}", Instance = "a" });
                        await db.SaveChangesAsync(ct);
                        if (i == 0) await release.Task;
                        if (i == failing) throw new InvalidOperationException($"member {i} fails");
                    }, CancellationToken.None)).ToString();
                }
                catch (Exception e)
                {
                    return e.GetType().Name;
                }
            }).ToList();
            release.SetResult();
            return await Task.WhenAll(runs);
        }
        finally
        {
            foreach (var db in contexts) await db.DisposeAsync();
        }
    }

    /// <summary>The transaction that wrote each effect (its row's xmin), by key.</summary>
    private async Task<Dictionary<string, string>> TransactionOfEachAsync()
    {
        await using var db = database.NewContext();
        var rows = await db.Database.SqlQuery<KeyTransaction>($"SELECT \"Key\", xmin::text AS \"Transaction\" FROM effects").ToListAsync();
        return rows.ToDictionary(r => r.Key, r => r.Transaction);
    }

    private sealed class KeyTransaction
    {
        public required string Key { get; init; }
        public required string Transaction { get; init; }
    }

    /// <summary>The transactions that wrote the effects (each row's xmin).</summary>
    private async Task<List<string>> TransactionsAsync()
    {
        await using var db = database.NewContext();
        return await db.Database.SqlQuery<string>($"SELECT DISTINCT xmin::text AS \"Value\" FROM effects").ToListAsync();
    }
}

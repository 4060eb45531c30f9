using Approval.ServiceDefaults;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Approval.Integration.Tests;

/// <summary>
/// Consumed messages sharing one transaction (<see cref="InboxGroupCommit{TContext}"/>, issue 22), on a real database: the
/// messages that arrive while a group works commit with it, a group takes at most ConsumerGroupSize, and a group that fails
/// keeps nothing — through the bus, each of its messages is then applied alone, once.
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

        Assert.All(results, r => Assert.Equal(GroupOutcome.Committed, r));
        Assert.Equal(5, (await database.EffectCountsAsync()).Count);
        Assert.Single(await TransactionsAsync());
    }

    [Fact]
    public async Task A_group_takes_at_most_the_group_size_and_the_next_works_after_it()
    {
        var results = await RunWhileTheFirstHoldsAsync(Groups(2), members: 5, failing: null);

        Assert.All(results, r => Assert.Equal(GroupOutcome.Committed, r));
        Assert.Equal(5, (await database.EffectCountsAsync()).Count);
        Assert.Equal(3, (await TransactionsAsync()).Count);  // 2 + 2 + 1
    }

    [Fact]
    public async Task A_member_that_throws_fails_its_group_nothing_is_kept_and_only_it_goes_alone()
    {
        var results = await RunWhileTheFirstHoldsAsync(Groups(16), members: 4, failing: 2);

        // the member that threw applies its message alone; the others may join the next group
        Assert.Equal([GroupOutcome.Rejoin, GroupOutcome.Rejoin, GroupOutcome.Alone, GroupOutcome.Rejoin], results);
        Assert.Empty(await database.EffectCountsAsync());
    }

    [Fact]
    public async Task Through_the_bus_a_failed_group_sends_its_failing_message_alone_and_the_others_regroup_once()
    {
        var script = new GroupScript();
        using var host = await MessagingHost.StartAsync(database, "grouped", x =>
        {
            x.AddSingleton(script);
            x.AddConsumer<GroupedConsumer>();
        });
        var groups = host.Services.GetRequiredService<InboxGroupCommit<TestDbContext>>();
        var bus = host.Services.GetRequiredService<IBus>();

        await bus.Publish(new GroupedEvent("hold"));
        await script.Holding.Task.WaitAsync(TimeSpan.FromSeconds(30));
        foreach (var key in new[] { "a", "fail-once", "b" }) await bus.Publish(new GroupedEvent(key));
        await Eventually.Until(() => Task.FromResult(groups.OpenMembers == 4), "the three later messages join the held group");
        script.Release.SetResult();

        await Eventually.Until(async () => (await database.EffectCountsAsync()).Count == 4, "every message is applied");
        var effects = await database.EffectCountsAsync();
        Assert.All(effects.Values, count => Assert.Equal(1, count));
        Assert.Equal(2, script.Failures);                      // failed in the group, applied alone the second time
        // the failed group kept nothing; fail-once was applied in a transaction of its own
        var transactions = await TransactionOfEachAsync();
        Assert.DoesNotContain(transactions["fail-once"], transactions.Where(t => t.Key != "fail-once").Select(t => t.Value));
        await using var db = database.NewContext();
        Assert.Equal(4, await db.Set<Approval.Messaging.InboxMessage>().CountAsync());
    }

    [Fact]
    public async Task Through_the_bus_the_messages_of_a_held_group_commit_together()
    {
        var script = new GroupScript();
        using var host = await MessagingHost.StartAsync(database, "grouped", x =>
        {
            x.AddSingleton(script);
            x.AddConsumer<GroupedConsumer>();
        });
        var groups = host.Services.GetRequiredService<InboxGroupCommit<TestDbContext>>();
        var bus = host.Services.GetRequiredService<IBus>();

        await bus.Publish(new GroupedEvent("hold"));
        await script.Holding.Task.WaitAsync(TimeSpan.FromSeconds(30));
        foreach (var key in new[] { "a", "b", "c" }) await bus.Publish(new GroupedEvent(key));
        await Eventually.Until(() => Task.FromResult(groups.OpenMembers == 4), "the three later messages join the held group");
        script.Release.SetResult();

        await Eventually.Until(async () => (await database.EffectCountsAsync()).Count == 4, "every message is applied");
        Assert.All((await database.EffectCountsAsync()).Values, count => Assert.Equal(1, count));
        Assert.Single(await TransactionsAsync());
    }

    private static InboxGroupCommit<TestDbContext> Groups(int size) =>
        new(Options.Create(new Approval.Messaging.MessagingOptions { ConsumerGroupSize = size }));

    /// <summary>
    /// The first member saves its effect and holds its turn until every other member has joined (each joins before its
    /// RunAsync returns); the member at index <paramref name="failing"/> throws after saving. The members' outcomes.
    /// </summary>
    private async Task<GroupOutcome[]> RunWhileTheFirstHoldsAsync(InboxGroupCommit<TestDbContext> groups, int members, int? failing)
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var contexts = Enumerable.Range(0, members).Select(_ => database.NewContext()).ToList();
        try
        {
            var runs = contexts.Select((db, i) => groups.RunAsync(db, async ct =>
            {
                db.Effects.Add(new Effect { Key = $"m{i}", Instance = "a" });
                await db.SaveChangesAsync(ct);
                if (i == 0) await release.Task;
                if (i == failing) throw new InvalidOperationException($"member {i} fails");
            }, CancellationToken.None)).ToList();
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

using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Approval.Integration.Tests;

/// <summary>The delivery promises of ARCHITECTURE.md, against the real PostgreSQL and RabbitMQ of this test run.</summary>
public sealed class OutboxInboxTests : IAsyncLifetime
{
    private readonly FreshDatabase<TestDbContext> database = new("msg");

    public Task InitializeAsync() => database.InitializeAsync();

    public Task DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task An_event_committed_by_a_process_that_died_before_publishing_is_delivered_after_restart()
    {
        // Process 1 commits a state change with its event and dies before its relay ran (relay off = it never publishes).
        using (var dying = await MessagingHost.StartAsync(database, "recovery", x => x.AddConsumer<RecoveryConsumer>(), relay: false))
        {
            await CommitEventsAsync(dying, new RecoveryEvent("committed-before-crash"));
            await dying.StopAsync();
        }
        Assert.Equal(1, await UnsentCountAsync());
        Assert.Empty(await database.EffectCountsAsync());

        // Process 2 starts on the same database: its relay finds the row and the event arrives, once.
        using var restarted = await MessagingHost.StartAsync(database, "recovery", x => x.AddConsumer<RecoveryConsumer>());
        await Eventually.Until(async () => (await database.EffectCountsAsync()).ContainsKey("committed-before-crash"), "the event is consumed");
        await Eventually.Until(async () => await UnsentCountAsync() == 0, "the outbox row is marked sent");
        Assert.Equal(1, (await database.EffectCountsAsync())["committed-before-crash"]);
    }

    [Fact]
    public async Task A_crash_between_the_broker_confirm_and_marking_sent_republishes_and_still_has_one_effect()
    {
        var deliveries = new DeliveryCounter();
        using (var dying = await MessagingHost.StartAsync(database, "recovery", x => x.AddConsumer<RecoveryConsumer>(), relay: false, deliveries: deliveries))
        {
            var row = await CommitEventsAsync(dying, new RecoveryEvent("confirmed-not-marked"));
            // What the relay does before it marks the row: publish with the row's MessageId. Then the process dies.
            await dying.Services.GetRequiredService<IBus>().Publish(new RecoveryEvent("confirmed-not-marked"), c => c.MessageId = row[0]);
            await Eventually.Until(() => Task.FromResult(deliveries.Count == 1), "the first copy is consumed");
            await dying.StopAsync();
        }
        Assert.Equal(1, await UnsentCountAsync());

        var redeliveries = new DeliveryCounter();
        using var restarted = await MessagingHost.StartAsync(database, "recovery", x => x.AddConsumer<RecoveryConsumer>(), deliveries: redeliveries);
        await Eventually.Until(async () => redeliveries.Count == 1 && await UnsentCountAsync() == 0, "the republished copy is consumed and the row marked");
        Assert.Equal(1, (await database.EffectCountsAsync())["confirmed-not-marked"]);
    }

    [Fact]
    public async Task The_same_message_delivered_twice_has_one_effect()
    {
        var deliveries = new DeliveryCounter();
        using var host = await MessagingHost.StartAsync(database, "duplicate", x => x.AddConsumer<DuplicateConsumer>(), deliveries: deliveries);
        var bus = host.Services.GetRequiredService<IBus>();
        var messageId = Guid.NewGuid();

        await bus.Publish(new DuplicateEvent("twice"), c => c.MessageId = messageId);
        await bus.Publish(new DuplicateEvent("twice"), c => c.MessageId = messageId);
        await bus.Publish(new DuplicateEvent("other"), c => c.MessageId = Guid.NewGuid());

        await Eventually.Until(() => Task.FromResult(deliveries.Count == 3), "all three deliveries are consumed");
        var effects = await database.EffectCountsAsync();
        Assert.Equal(1, effects["twice"]);
        Assert.Equal(1, effects["other"]);
        await using var db = database.NewContext();
        Assert.Equal(2, await db.Set<InboxMessage>().CountAsync());
    }

    [Fact]
    public async Task A_consumer_that_always_throws_sends_the_message_to_the_error_queue_after_bounded_retries()
    {
        var attempts = new PoisonAttempts();
        using var host = await MessagingHost.StartAsync(database, "poison", x => x.AddConsumer<PoisonConsumer>(), retryLimit: 2, attempts: attempts);

        var key = $"p-{Guid.NewGuid():N}";
        await host.Services.GetRequiredService<IBus>().Publish(new PoisonEvent(key));

        var faulted = await RabbitQueues.TakeAsync(RabbitQueues.QueueOf<PoisonConsumer>("poison") + "_error", key);
        Assert.Equal(3, attempts.Count); // the first try and two retries, then no more
        Assert.Contains($"poison {key} always fails", RabbitQueues.Header(faulted, "MT-Fault-Message"));
    }

    [Fact]
    public async Task A_malformed_message_goes_to_the_error_queue_and_the_consumer_keeps_working()
    {
        using var host = await MessagingHost.StartAsync(database, "malformed", x => x.AddConsumer<MalformedConsumer>());
        var queue = RabbitQueues.QueueOf<MalformedConsumer>("malformed");

        var garbage = $"{{ this is not json {Guid.NewGuid():N}";
        await RabbitQueues.PublishRawAsync(queue, garbage);
        var faulted = await RabbitQueues.TakeAsync(queue + "_error", garbage);
        Assert.Equal("fault", RabbitQueues.Header(faulted, "MT-Reason"));

        await host.Services.GetRequiredService<IBus>().Publish(new MalformedEvent("after-the-bad-one"));
        await Eventually.Until(async () => (await database.EffectCountsAsync()).ContainsKey("after-the-bad-one"), "a good message is still consumed");
    }

    [Fact]
    public async Task Two_competing_instances_apply_every_message_exactly_once()
    {
        const int events = 300, duplicates = 60;
        var deliveries = new DeliveryCounter();
        using var a = await MessagingHost.StartAsync(database, "competing", x => x.AddConsumer<CompetingConsumer>(), instance: "a", deliveries: deliveries);
        using var b = await MessagingHost.StartAsync(database, "competing", x => x.AddConsumer<CompetingConsumer>(), instance: "b", deliveries: deliveries);

        // Both relays publish from one outbox; some messages are additionally published again with the same id.
        var ids = await CommitEventsAsync(a, Enumerable.Range(0, events).Select(i => new CompetingEvent($"c-{i:D3}")).ToArray());
        var bus = b.Services.GetRequiredService<IBus>();
        for (var i = 0; i < duplicates; i++)
            await bus.Publish(new CompetingEvent($"c-{i:D3}"), c => c.MessageId = ids[i]);

        await Eventually.Until(async () => deliveries.Count >= events + duplicates && await UnsentCountAsync() == 0,
            "every copy is consumed and the outbox is drained", TimeSpan.FromSeconds(60));
        var effects = await database.EffectCountsAsync();
        Assert.Equal(events, effects.Count);
        Assert.All(effects, e => Assert.Equal(1, e.Value));
        Assert.Equal(events + duplicates, deliveries.Count); // no relay published a row twice
        await using var db = database.NewContext();
        var perInstance = await db.Effects.GroupBy(e => e.Instance).ToDictionaryAsync(g => g.Key, g => g.Count());
        Assert.True(perInstance.GetValueOrDefault("a") > 0 && perInstance.GetValueOrDefault("b") > 0,
            $"both instances consumed: a={perInstance.GetValueOrDefault("a")}, b={perInstance.GetValueOrDefault("b")}");
    }

    [Fact]
    public async Task A_failing_event_holds_its_aggregates_later_events_back_and_they_follow_in_order_once_it_goes()
    {
        // Two aggregates with ten events each, committed together; a-03 cannot be published (its type is unknown).
        string[] Keys(string aggregate) => [.. Enumerable.Range(0, 10).Select(i => $"{aggregate}-{i:D2}")];
        using (var writer = await MessagingHost.StartAsync(database, "ordered", x => x.AddConsumer<OrderedConsumer>(), relay: false))
        {
            await using var scope = writer.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
            foreach (var key in Keys("a").Zip(Keys("b")).SelectMany(p => new[] { p.First, p.Second }))
                db.AddOutboxEvent(new OrderedEvent(key), key[..1], TimeProvider.System);
            await db.SaveChangesAsync();
            await db.Database.ExecuteSqlAsync($"UPDATE outbox_messages SET message_type = message_type || '.Unknown' WHERE body::text LIKE '%a-03%'");
            await writer.StopAsync();
        }

        var confirmed = new ConfirmedOrder();
        using var host = await MessagingHost.StartAsync(database, "ordered", x => x.AddConsumer<OrderedConsumer>(), published: confirmed);
        await Eventually.Until(async () => confirmed.Keys.Count(k => k.StartsWith('b')) == 10 && await AttemptsAsync("a-03") >= 2,
            "b's events are published and a-03 has failed twice");
        Assert.Equal(Keys("b"), confirmed.Keys.Where(k => k.StartsWith('b')));
        Assert.Equal(["a-00", "a-01", "a-02"], confirmed.Keys.Where(k => k.StartsWith('a')));

        await using (var db = database.NewContext())
            await db.Database.ExecuteSqlAsync(
                $"UPDATE outbox_messages SET message_type = replace(message_type, '.Unknown', ''), next_attempt_at = now() WHERE body::text LIKE '%a-03%'");
        await Eventually.Until(async () => await UnsentCountAsync() == 0 && (await database.EffectCountsAsync()).Count == 20,
            "a's events follow a-03 and all twenty are consumed");
        Assert.Equal(Keys("a"), confirmed.Keys.Where(k => k.StartsWith('a')));
        Assert.All(await database.EffectCountsAsync(), e => Assert.Equal(1, e.Value));
    }

    private async Task<int> AttemptsAsync(string key)
    {
        await using var db = database.NewContext();
        var like = $"%{key}%";
        return await db.Database.SqlQuery<int>($"SELECT attempts AS \"Value\" FROM outbox_messages WHERE body::text LIKE {like}").SingleAsync();
    }

    /// <summary>Commits outbox events the way a service does, in one unit of work; returns their MessageIds.</summary>
    private static async Task<Guid[]> CommitEventsAsync<T>(IHost host, params T[] events) where T : class
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
        var rows = events.Select((e, i) => db.AddOutboxEvent(e, $"aggregate-{i % 50}", TimeProvider.System)).ToList();
        await db.SaveChangesAsync();
        return rows.Select(r => r.MessageId).ToArray();
    }

    private async Task<int> UnsentCountAsync()
    {
        await using var db = database.NewContext();
        return await db.Set<OutboxMessage>().CountAsync(m => m.SentAt == null);
    }
}

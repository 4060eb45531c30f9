using MassTransit;
using Microsoft.Extensions.Logging;

namespace Approval.Integration.Tests;

/// <summary>Which host instance a consumer runs in (two hosts compete in one scenario).</summary>
public sealed record InstanceName(string Value);

/// <summary>Counts every delivery that reaches a consumer, duplicates included.</summary>
public class DeliveryCounter
{
    private int count;
    public int Count => Volatile.Read(ref count);
    public void Increment() => Interlocked.Increment(ref count);
}

public abstract class RecordingConsumer<T>(TestDbContext db, TimeProvider clock, ILogger logger, InstanceName instance, Func<T, string> key)
    : InboxConsumer<TestDbContext, T>(db, clock, logger) where T : class
{
    protected override Task HandleAsync(T message, CancellationToken ct)
    {
        Db.Effects.Add(new Effect { Key = key(message), Instance = instance.Value });
        return Task.CompletedTask;
    }
}

public sealed class RecoveryConsumer(TestDbContext db, TimeProvider clock, ILogger<RecoveryConsumer> log, InstanceName i)
    : RecordingConsumer<RecoveryEvent>(db, clock, log, i, m => m.Key);

public sealed class DuplicateConsumer(TestDbContext db, TimeProvider clock, ILogger<DuplicateConsumer> log, InstanceName i)
    : RecordingConsumer<DuplicateEvent>(db, clock, log, i, m => m.Key);

public sealed class CompetingConsumer(TestDbContext db, TimeProvider clock, ILogger<CompetingConsumer> log, InstanceName i)
    : RecordingConsumer<CompetingEvent>(db, clock, log, i, m => m.Key);

public sealed class OrderedConsumer(TestDbContext db, TimeProvider clock, ILogger<OrderedConsumer> log, InstanceName i)
    : RecordingConsumer<OrderedEvent>(db, clock, log, i, m => m.Key);

/// <summary>The keys of the ordered scenario's events in the order the broker confirmed them.</summary>
public sealed class ConfirmedOrder : IPublishObserver
{
    private readonly List<string> keys = [];
    public IReadOnlyList<string> Keys { get { lock (keys) return [.. keys]; } }
    public Task PrePublish<T>(PublishContext<T> context) where T : class => Task.CompletedTask;
    public Task PostPublish<T>(PublishContext<T> context) where T : class
    {
        if (context.Message is OrderedEvent e) lock (keys) keys.Add(e.Key);
        return Task.CompletedTask;
    }
    public Task PublishFault<T>(PublishContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}

public sealed class MalformedConsumer(TestDbContext db, TimeProvider clock, ILogger<MalformedConsumer> log, InstanceName i)
    : RecordingConsumer<MalformedEvent>(db, clock, log, i, m => m.Key);

/// <summary>Always fails: its messages must end in the _error queue after the bounded retries.</summary>
/// <summary>How often the poison consumer was called.</summary>
public sealed class PoisonAttempts : DeliveryCounter;

public sealed class PoisonConsumer(PoisonAttempts attempts) : IConsumer<PoisonEvent>
{
    public Task Consume(ConsumeContext<PoisonEvent> context)
    {
        attempts.Increment();
        throw new InvalidOperationException($"poison {context.Message.Key} always fails");
    }
}

/// <summary>Counts deliveries of every message type after the consumer finished (successfully or as a duplicate).</summary>
public sealed class CountingObserver(DeliveryCounter counter) : IConsumeObserver
{
    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;
    public Task PostConsume<T>(ConsumeContext<T> context) where T : class { counter.Increment(); return Task.CompletedTask; }
    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}

/// <summary>
/// What the grouped scenario's consumer does: "hold" waits for <see cref="Release"/>; "fail-once" throws on its first try
/// having written nothing; "write-then-fail-once" saves its effect and then throws on its first try.
/// </summary>
public sealed class GroupScript
{
    private int failures;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> runs = new();
    /// <summary>How often the consumer applied the message with this key (a failed group's members apply again).</summary>
    public int Runs(string key) => runs.GetValueOrDefault(key);
    public void Ran(string key) => runs.AddOrUpdate(key, 1, (_, n) => n + 1);
    public TaskCompletionSource Holding { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public int Failures => Volatile.Read(ref failures);
    public bool FailFirst() => Interlocked.Increment(ref failures) == 1;
}

public sealed class GroupedConsumer(TestDbContext db, TimeProvider clock, ILogger<GroupedConsumer> log, GroupScript script)
    : InboxConsumer<TestDbContext, GroupedEvent>(db, clock, log)
{
    protected override async Task HandleAsync(GroupedEvent message, CancellationToken ct)
    {
        script.Ran(message.Key);
        Db.Effects.Add(new Effect { Key = message.Key, Instance = "a" });
        if (message.Key == "hold")
        {
            script.Holding.TrySetResult();
            await script.Release.Task.WaitAsync(ct);
        }
        if (message.Key == "fail-once" && script.FailFirst()) throw new InvalidOperationException("the first try of fail-once fails");
        if (message.Key == "write-then-fail-once")
        {
            await Db.SaveChangesAsync(ct);
            if (script.FailFirst()) throw new InvalidOperationException("the first try of write-then-fail-once fails after writing");
        }
    }
}

using System.Diagnostics;
using System.Text.Json;
using Approval.ServiceDefaults.Jobs;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry;

namespace Approval.Messaging.Jobs;

/// <summary>
/// Publishes committed outbox rows: each round, in one transaction, locks the oldest unsent row of each aggregate
/// (<see cref="WorkQueue.LockDueAsync{T}"/>, so several replicas share the work) and the unsent rows behind it, which no
/// other replica can take while it is held; publishes each aggregate's rows one after another, each with its publisher
/// confirm (so one aggregate's events keep their order), the aggregates concurrently; marks the confirmed ones sent and
/// commits. A failed publish is retried with the one backoff rule (<see cref="Retries"/>) and holds its aggregate's later
/// rows back; a crash before the commit means a republish with the same MessageId, which the consumers' inbox drops.
/// </summary>
public sealed class OutboxRelay<TContext>(
    IServiceScopeFactory scopes,
    OutboxSignal signal,
    IOptions<MessagingOptions> options,
    TimeProvider clock,
    ILogger<OutboxRelay<TContext>> log) : PeriodicJob(clock, log) where TContext : DbContext
{
    protected override TimeSpan Interval => options.Value.RelayPollInterval;

    /// <summary>
    /// A commit with events wakes the relay before the poll interval is over; it then lingers for RelayLinger, so the commits of
    /// those milliseconds leave in the same round: one commit per round, where a round per commit cost one each (issue 22).
    /// </summary>
    protected override async Task WaitAsync(TimeSpan interval, CancellationToken ct)
    {
        if (await signal.WaitAsync(interval, ct) && options.Value.RelayLinger > TimeSpan.Zero)
            await Task.Delay(options.Value.RelayLinger, Clock, ct);
    }

    /// <summary>
    /// One round; more may be due at once only when it took a full batch. Rows committed meanwhile have woken the relay
    /// already (<see cref="OutboxSignal"/>), so running again after every round found nothing most times.
    /// </summary>
    protected override Task<bool> RunOnceAsync(CancellationToken ct) => RelayBatchAsync(ct);

    /// <summary>One round, one transaction: true when it took a full batch of heads or of rows behind them.</summary>
    private async Task<bool> RelayBatchAsync(CancellationToken ct)
    {
        var o = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var bus = scope.ServiceProvider.GetRequiredService<IBus>();
        var now = Clock.GetUtcNow();
        // The rows stay locked (FOR UPDATE SKIP LOCKED) while they are published, and are marked in the same transaction:
        // one commit per round. A relay that dies mid-round leaves them unlocked and unsent, to be published again.
        IDbContextTransaction tx;
        List<OutboxMessage> batch;
        using (SuppressInstrumentationScope.Begin())
        {
            tx = await db.Database.BeginTransactionAsync(ct);
            batch = await WorkQueue.LockDueAsync<OutboxMessage>(db, $"""
                SELECT o.* FROM outbox_messages o
                WHERE o.sent_at IS NULL AND o.next_attempt_at <= {now}
                  AND NOT EXISTS (SELECT 1 FROM outbox_messages e
                                  WHERE e.aggregate_id = o.aggregate_id AND e.sent_at IS NULL AND e.id < o.id)
                ORDER BY o.id
                LIMIT {o.RelayBatchSize}
                """, ct);
        }
        await using (tx)
        {
            if (batch.Count == 0) return false;
            var chains = await ChainsAsync(db, batch, o.RelayBatchSize, ct);
            var full = batch.Count == o.RelayBatchSize || chains.Sum(c => c.Count) - batch.Count == o.RelayBatchSize;

            // One aggregate's rows go out one after another, each after the confirm of the one before, and its chain stops at
            // the first failure, so its later events wait for it; the aggregates' chains run at once. A publish that has no
            // confirm within RelayPublishTimeout (a broker gone) counts as failed, so the locks are not held longer.
            using var publishing = CancellationTokenSource.CreateLinkedTokenSource(ct);
            publishing.CancelAfter(o.RelayPublishTimeout);
            var outcomes = (await Task.WhenAll(chains.Select(chain => PublishChainAsync(bus, chain, o.DuplicatePercent, publishing.Token, ct))))
                .SelectMany(c => c).ToList();
            foreach (var (row, sentAt, error) in outcomes)
            {
                if (sentAt is { } at)
                {
                    (row.SentAt, row.LastError) = (at, null);
                    continue;
                }
                row.Attempts++;
                row.LastError = Retries.Error(error ?? "not published");
                row.NextAttemptAt = Clock.GetUtcNow() + Retries.Backoff(row.Attempts, o.RelayFirstBackoff, o.RelayMaxBackoff);
            }
            using (SuppressInstrumentationScope.Begin())
            {
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            }
            return full;
        }
    }

    /// <summary>
    /// Each locked head with the unsent rows of its aggregate behind it, in order. While a head is held, its aggregate's later
    /// rows are no other relay's head, so they are locked here without skipping; at most <paramref name="limit"/> of them, the
    /// oldest first, which leaves each chain a gapless run. Only rows after the head are taken: one committed after the head
    /// was chosen but older than it is another round's head, and locking it here could wait on that round while it waits on ours.
    /// </summary>
    private static async Task<List<List<OutboxMessage>>> ChainsAsync(TContext db, List<OutboxMessage> heads, int limit, CancellationToken ct)
    {
        var aggregates = heads.Select(h => h.AggregateId).ToArray();
        var headIds = heads.Select(h => h.Id).ToArray();
        List<OutboxMessage> followers;
        using (SuppressInstrumentationScope.Begin())
            followers = await db.Set<OutboxMessage>().FromSql($"""
                SELECT o.* FROM outbox_messages o
                JOIN unnest({aggregates}, {headIds}) AS h(aggregate_id, id) ON o.aggregate_id = h.aggregate_id AND o.id > h.id
                WHERE o.sent_at IS NULL
                ORDER BY o.id
                LIMIT {limit}
                FOR UPDATE OF o
                """).ToListAsync(ct);
        var behind = followers.ToLookup(f => f.AggregateId); // keeps the query's order by id
        return heads.Select(h => (List<OutboxMessage>)[h, .. behind[h.AggregateId]]).ToList();
    }

    /// <summary>Publishes one aggregate's rows in order until one fails; the rows after a failure are not tried.</summary>
    private async Task<List<(OutboxMessage Row, DateTimeOffset? SentAt, string? Error)>> PublishChainAsync(IBus bus, List<OutboxMessage> chain,
        int duplicatePercent, CancellationToken publishing, CancellationToken ct)
    {
        var outcomes = new List<(OutboxMessage, DateTimeOffset?, string?)>(chain.Count);
        foreach (var row in chain)
        {
            var (sentAt, error) = await PublishOneAsync(bus, row, duplicatePercent, publishing, ct);
            outcomes.Add((row, sentAt, error));
            if (sentAt is null) break;
        }
        return outcomes;
    }

    /// <summary>Publishes one row and says when it was confirmed, or why it was not.</summary>
    private async Task<(DateTimeOffset? SentAt, string? Error)> PublishOneAsync(IBus bus, OutboxMessage row, int duplicatePercent,
        CancellationToken publishing, CancellationToken ct)
    {
        try
        {
            await PublishAsync(bus, row, publishing);
            // fault injection only (MessagingOptions.DuplicatePercent): the same message again, which the inbox must drop
            if (duplicatePercent > 0 && Random.Shared.Next(100) < duplicatePercent)
            {
                await PublishAsync(bus, row, publishing);
                MessagingMetrics.DuplicatesInjected.Add(1);
                Log.LogInformation("Fault injection: published outbox message {MessageId} twice", row.MessageId);
            }
            var at = Clock.GetUtcNow();
            MessagingMetrics.OutboxLag.Record((at - row.CreatedAt).TotalMilliseconds);
            MessagingMetrics.Published.Add(1);
            return (at, null);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            MessagingMetrics.PublishFailures.Add(1);
            Log.LogWarning(e, "Publishing outbox message {MessageId} failed (attempt {Attempts})", row.MessageId, row.Attempts + 1);
            return (null, e.Message);
        }
    }

    private static async Task PublishAsync(IBus bus, OutboxMessage row, CancellationToken ct)
    {
        var type = Type.GetType(row.MessageType, throwOnError: true)!;
        var message = JsonSerializer.Deserialize(row.Body, type, OutboxExtensions.Json)!;
        ActivityContext.TryParse(row.TraceParent, null, out var parent);
        using var activity = MessagingMetrics.Source.StartActivity($"outbox publish {type.Name}", ActivityKind.Producer, parent);
        activity?.SetTag("messaging.message.id", row.MessageId);
        await bus.Publish(message, type, ctx => ctx.MessageId = row.MessageId, ct);
    }
}

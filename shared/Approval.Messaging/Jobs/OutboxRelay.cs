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
/// (<see cref="WorkQueue.LockDueAsync{T}"/>, so several replicas share the work and one aggregate's events keep their
/// order), publishes them concurrently, each with its publisher confirm, marks the confirmed ones sent and commits. A
/// failed publish is retried with the one backoff rule (<see cref="Retries"/>); a crash before the commit means a
/// republish with the same MessageId, which the consumers' inbox drops.
/// </summary>
public sealed class OutboxRelay<TContext>(
    IServiceScopeFactory scopes,
    OutboxSignal signal,
    IOptions<MessagingOptions> options,
    TimeProvider clock,
    ILogger<OutboxRelay<TContext>> log) : PeriodicJob(clock, log) where TContext : DbContext
{
    protected override TimeSpan Interval => options.Value.RelayPollInterval;

    /// <summary>A commit wakes the relay before the poll interval is over.</summary>
    protected override Task WaitAsync(TimeSpan interval, CancellationToken ct) => signal.WaitAsync(interval, ct);

    /// <summary>One round; more may be due when any message was confirmed.</summary>
    protected override async Task<bool> RunOnceAsync(CancellationToken ct) => await RelayBatchAsync(ct) > 0;

    /// <summary>One round, one transaction: returns how many messages were confirmed.</summary>
    private async Task<int> RelayBatchAsync(CancellationToken ct)
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
            if (batch.Count == 0) return 0;

            // The batch holds at most one row per aggregate (the oldest unsent), so its rows may go out at once: each publish
            // waits for its own broker confirm, and one aggregate's events still leave in order, round after round. A publish
            // that has no confirm within RelayPublishTimeout (a broker gone) counts as failed, so the locks are not held longer.
            using var publishing = CancellationTokenSource.CreateLinkedTokenSource(ct);
            publishing.CancelAfter(o.RelayPublishTimeout);
            var outcomes = await Task.WhenAll(batch.Select(row => PublishOneAsync(bus, row, o.DuplicatePercent, publishing.Token, ct)));
            var sentAt = outcomes.Where(r => r.SentAt is not null).ToDictionary(r => r.Id, r => r.SentAt!.Value);
            var failures = outcomes.Where(r => r.Error is not null).ToDictionary(r => r.Id, r => r.Error!);
            foreach (var row in batch)
            {
                if (sentAt.TryGetValue(row.Id, out var at))
                {
                    (row.SentAt, row.LastError) = (at, null);
                    continue;
                }
                row.Attempts++;
                row.LastError = Retries.Error(failures.GetValueOrDefault(row.Id) ?? "not published");
                row.NextAttemptAt = Clock.GetUtcNow() + Retries.Backoff(row.Attempts, o.RelayFirstBackoff, o.RelayMaxBackoff);
            }
            using (SuppressInstrumentationScope.Begin())
            {
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            }
            return sentAt.Count;
        }
    }

    /// <summary>Publishes one row and says when it was confirmed, or why it was not.</summary>
    private async Task<(long Id, DateTimeOffset? SentAt, string? Error)> PublishOneAsync(IBus bus, OutboxMessage row, int duplicatePercent,
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
            return (row.Id, at, null);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            MessagingMetrics.PublishFailures.Add(1);
            Log.LogWarning(e, "Publishing outbox message {MessageId} failed (attempt {Attempts})", row.MessageId, row.Attempts + 1);
            return (row.Id, null, e.Message);
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

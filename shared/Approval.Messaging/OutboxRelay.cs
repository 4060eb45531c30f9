using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry;

namespace Approval.Messaging;

/// <summary>
/// Publishes committed outbox rows. Each round claims, with FOR UPDATE SKIP LOCKED, the oldest unsent
/// row of each aggregate (so several replicas share the work and one aggregate's events keep their
/// order), publishes each with publisher confirms, and marks it sent only after the confirm. A failed
/// publish is retried with exponential backoff; a crash before the mark means a republish with the
/// same MessageId, which the consumers' inbox drops.
/// </summary>
public sealed class OutboxRelay<TContext>(
    IServiceScopeFactory scopes,
    OutboxSignal signal,
    IOptions<MessagingOptions> options,
    TimeProvider clock,
    ILogger<OutboxRelay<TContext>> log) : BackgroundService where TContext : DbContext
{
    private DateTimeOffset nextCleanup = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            int published;
            try
            {
                published = await RelayBatchAsync(o, stoppingToken);
                await CleanupIfDueAsync(o, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogWarning(e, "Outbox relay round failed; retrying after the poll interval");
                published = 0;
            }
            if (published == 0)
            {
                try { await signal.WaitAsync(o.RelayPollInterval, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    /// <summary>One round; returns how many messages were confirmed.</summary>
    internal async Task<int> RelayBatchAsync(MessagingOptions o, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var bus = scope.ServiceProvider.GetRequiredService<IBus>();
        var now = clock.GetUtcNow();

        // Polling and bookkeeping are not traced: a poll every half second per service would bury the
        // real traces. The publish itself is, as a child of the request that committed the event.
        IDbContextTransaction tx;
        List<OutboxMessage> batch;
        using (SuppressInstrumentationScope.Begin())
        {
            tx = await db.Database.BeginTransactionAsync(ct);
            batch = await ClaimAsync(db, now, o.RelayBatchSize, ct);
        }
        await using var transaction = tx;
        if (batch.Count == 0) return 0;

        var confirmed = 0;
        foreach (var row in batch)
        {
            try
            {
                await PublishAsync(bus, row, ct);
                row.SentAt = clock.GetUtcNow();
                row.LastError = null;
                MessagingMetrics.OutboxLag.Record((row.SentAt.Value - row.CreatedAt).TotalMilliseconds);
                MessagingMetrics.Published.Add(1);
                confirmed++;
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                row.Attempts++;
                row.LastError = e.Message.Length > 2000 ? e.Message[..2000] : e.Message;
                var backoff = TimeSpan.FromMilliseconds(Math.Min(o.RelayMaxBackoff.TotalMilliseconds, 200 * Math.Pow(2, row.Attempts)));
                row.NextAttemptAt = clock.GetUtcNow() + backoff;
                MessagingMetrics.PublishFailures.Add(1);
                log.LogWarning(e, "Publishing outbox message {MessageId} failed (attempt {Attempts}); next try in {Backoff}", row.MessageId, row.Attempts, backoff);
            }
        }
        using (SuppressInstrumentationScope.Begin())
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        return confirmed;
    }

    /// <summary>The oldest unsent row of each aggregate that is due, skipping rows another relay holds.</summary>
    private static Task<List<OutboxMessage>> ClaimAsync(TContext db, DateTimeOffset now, int batchSize, CancellationToken ct) =>
        db.Set<OutboxMessage>()
            .FromSql($"""
                SELECT o.* FROM outbox_messages o
                WHERE o.sent_at IS NULL AND o.next_attempt_at <= {now}
                  AND NOT EXISTS (SELECT 1 FROM outbox_messages e
                                  WHERE e.aggregate_id = o.aggregate_id AND e.sent_at IS NULL AND e.id < o.id)
                ORDER BY o.id
                LIMIT {batchSize}
                FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(ct);

    private static async Task PublishAsync(IBus bus, OutboxMessage row, CancellationToken ct)
    {
        var type = Type.GetType(row.MessageType, throwOnError: true)!;
        var message = JsonSerializer.Deserialize(row.Body, type, OutboxExtensions.Json)!;
        ActivityContext.TryParse(row.TraceParent, null, out var parent);
        using var activity = MessagingMetrics.Source.StartActivity($"outbox publish {type.Name}", ActivityKind.Producer, parent);
        activity?.SetTag("messaging.message.id", row.MessageId);
        await bus.Publish(message, type, ctx => ctx.MessageId = row.MessageId, ct);
    }

    private async Task CleanupIfDueAsync(MessagingOptions o, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (now < nextCleanup) return;
        nextCleanup = now + TimeSpan.FromHours(1);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var horizon = now - o.Retention;
        await db.Set<OutboxMessage>().Where(m => m.SentAt != null && m.SentAt < horizon).ExecuteDeleteAsync(ct);
        await db.Set<InboxMessage>().Where(m => m.ProcessedAt < horizon).ExecuteDeleteAsync(ct);
    }
}

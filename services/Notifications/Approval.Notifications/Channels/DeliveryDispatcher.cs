using Approval.Notifications.Data;
using Approval.Notifications.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Approval.Notifications.Channels;

/// <summary>
/// Sends queued deliveries. Each round claims due Pending rows with FOR UPDATE SKIP LOCKED (replicas share the work, a
/// row is never sent by two at once), hands each to its channel and stores the outcome in the same transaction — the
/// recording sinks write their record there too, so a delivery is recorded exactly once. A throwing channel is retried
/// with exponential backoff up to MaxAttempts, then the delivery is Failed with its last error.
/// </summary>
public sealed class DeliveryDispatcher(IServiceScopeFactory scopes, IOptions<NotificationOptions> options, TimeProvider clock, ILogger<DeliveryDispatcher> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var handled = 0;
            try { handled = await DispatchAsync(stoppingToken); }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception e) { log.LogWarning(e, "Delivery round failed; retrying after the dispatch interval"); }
            if (handled == 0)
            {
                try { await Task.Delay(options.Value.DispatchInterval, clock, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    /// <summary>One round; returns how many deliveries reached a final state.</summary>
    public async Task<int> DispatchAsync(CancellationToken ct)
    {
        var o = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var channels = scope.ServiceProvider.GetServices<INotificationChannel>().ToDictionary(c => c.Name);
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var batch = await db.Deliveries.FromSql($"""
            SELECT * FROM deliveries WHERE status = {(int)DeliveryStatus.Pending} AND next_attempt_at <= {now}
            ORDER BY next_attempt_at LIMIT {o.DispatchBatchSize} FOR UPDATE SKIP LOCKED
            """).ToListAsync(ct);
        if (batch.Count == 0) return 0;
        var noticeIds = batch.Select(d => d.NoticeId).Distinct().ToList();
        var notices = await db.Notices.Where(n => noticeIds.Contains(n.Id)).ToDictionaryAsync(n => n.Id, ct);

        var done = 0;
        foreach (var delivery in batch)
        {
            try
            {
                var outcome = channels.TryGetValue(delivery.Channel, out var channel)
                    ? await channel.SendAsync(delivery, notices[delivery.NoticeId], ct)
                    : new DeliveryOutcome.Undeliverable($"no channel named '{delivery.Channel}' is configured");
                done += Apply(delivery, outcome, o) ? 1 : 0;
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                delivery.Attempts++;
                delivery.LastError = e.Message.Length > 1000 ? e.Message[..1000] : e.Message;
                var backoff = TimeSpan.FromMilliseconds(Math.Min(o.MaxBackoff.TotalMilliseconds, 500 * Math.Pow(2, delivery.Attempts)));
                delivery.NextAttemptAt = clock.GetUtcNow() + backoff;
                if (delivery.Attempts >= o.MaxAttempts) delivery.Status = DeliveryStatus.Failed;
                log.LogWarning(e, "Delivery {DeliveryId} over {Channel} failed (attempt {Attempts})", delivery.Id, delivery.Channel, delivery.Attempts);
            }
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return done;
    }

    private bool Apply(Delivery delivery, DeliveryOutcome outcome, NotificationOptions o)
    {
        var now = clock.GetUtcNow();
        switch (outcome)
        {
            case DeliveryOutcome.Sent sent:
                (delivery.Status, delivery.Destination, delivery.SentAt, delivery.LastError) = (DeliveryStatus.Sent, sent.Destination, now, null);
                return true;
            case DeliveryOutcome.Undeliverable u:
                (delivery.Status, delivery.LastError) = (DeliveryStatus.Undeliverable, u.Reason);
                return true;
            case DeliveryOutcome.Postponed p:
                (delivery.NextAttemptAt, delivery.LastError) = (now + o.PostponeInterval, p.Reason);
                return false;
            default:
                throw new InvalidOperationException($"unknown outcome {outcome}");
        }
    }
}

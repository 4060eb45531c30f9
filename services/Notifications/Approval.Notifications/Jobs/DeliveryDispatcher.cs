using Approval.Notifications.Channels;
using Approval.Notifications.Data;
using Approval.Notifications.Domain;
using Approval.ServiceDefaults.Jobs;
using Microsoft.Extensions.Options;

namespace Approval.Notifications.Jobs;

/// <summary>
/// Sends queued deliveries through the work queue (<see cref="WorkQueue"/>): each round claims due Pending rows and
/// leases them (replicas share the work, a row is never sent by two at once), then hands each to its channel with no
/// transaction open and records the outcome in a short transaction of its own — the recording sinks add their record
/// to that transaction, so a delivery is recorded exactly once. A throwing channel is retried with the one backoff
/// rule (<see cref="Retries"/>) up to MaxAttempts, then the delivery is Failed with its last error.
/// </summary>
public sealed class DeliveryDispatcher(IServiceScopeFactory scopes, IOptions<NotificationOptions> options, TimeProvider clock, ILogger<DeliveryDispatcher> log)
    : PeriodicJob(clock, log)
{
    protected override TimeSpan Interval => options.Value.DispatchInterval;

    /// <summary>One round; more may be due when any delivery reached a final state.</summary>
    protected override async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        var o = options.Value;
        List<Delivery> batch;
        Dictionary<Guid, Notice> notices;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
            var now = Clock.GetUtcNow();
            batch = await WorkQueue.ClaimAsync<Delivery>(db, $"""
                SELECT * FROM deliveries WHERE status = {(int)DeliveryStatus.Pending} AND next_attempt_at <= {now}
                ORDER BY next_attempt_at LIMIT {o.DispatchBatchSize}
                """, o.SendLease, Clock, ct);
            if (batch.Count == 0) return false;
            var noticeIds = batch.Select(d => d.NoticeId).Distinct().ToList();
            notices = await db.Notices.AsNoTracking().Where(n => noticeIds.Contains(n.Id)).ToDictionaryAsync(n => n.Id, ct);
        }
        var done = 0;
        foreach (var delivery in batch)
        {
            try { done += await SendAsync(delivery, notices, o, ct) ? 1 : 0; }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                Log.LogWarning(e, "Delivery {DeliveryId} could not be recorded; its lease expires and it is tried again", delivery.Id);
            }
        }
        return done > 0;
    }

    /// <summary>One delivery in a scope of its own: the channel's call, then its outcome; true when it reached a final state.</summary>
    private async Task<bool> SendAsync(Delivery claimed, Dictionary<Guid, Notice> notices, NotificationOptions o, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        Action<Delivery> apply;
        try
        {
            var channel = scope.ServiceProvider.GetServices<INotificationChannel>().FirstOrDefault(c => c.Name == claimed.Channel);
            var outcome = channel is null
                ? new DeliveryOutcome.Undeliverable($"no channel named '{claimed.Channel}' is configured")
                : await channel.SendAsync(claimed, notices[claimed.NoticeId], ct);
            apply = delivery => Apply(delivery, outcome, o);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            Log.LogWarning(e, "Delivery {DeliveryId} over {Channel} failed (attempt {Attempts})", claimed.Id, claimed.Channel, claimed.Attempts + 1);
            apply = delivery =>
            {
                delivery.Attempts++;
                delivery.LastError = Retries.Error(e.Message);
                delivery.NextAttemptAt = Clock.GetUtcNow() + Retries.Backoff(delivery.Attempts, o.FirstBackoff, o.MaxBackoff);
                if (delivery.Attempts >= o.MaxAttempts) delivery.Status = DeliveryStatus.Failed;
            };
        }
        var final = false;
        await WorkQueue.RecordAsync(db, [claimed], delivery =>
        {
            apply(delivery);
            final = delivery.Status != DeliveryStatus.Pending;
        }, ct);
        return final;
    }

    private void Apply(Delivery delivery, DeliveryOutcome outcome, NotificationOptions o)
    {
        var now = Clock.GetUtcNow();
        switch (outcome)
        {
            case DeliveryOutcome.Sent sent:
                (delivery.Status, delivery.Destination, delivery.SentAt, delivery.LastError) = (DeliveryStatus.Sent, sent.Destination, now, null);
                break;
            case DeliveryOutcome.Undeliverable u:
                (delivery.Status, delivery.LastError) = (DeliveryStatus.Undeliverable, u.Reason);
                break;
            case DeliveryOutcome.Postponed p:
                (delivery.NextAttemptAt, delivery.LastError) = (now + o.PostponeInterval, p.Reason);
                break;
            default:
                throw new InvalidOperationException($"unknown outcome {outcome}");
        }
    }
}

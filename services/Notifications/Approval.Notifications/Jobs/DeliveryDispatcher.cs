using Approval.Notifications.Channels;
using Approval.Notifications.Data;
using Approval.Notifications.Domain;
using Approval.ServiceDefaults.Jobs;
using Microsoft.Extensions.Options;

namespace Approval.Notifications.Jobs;

/// <summary>
/// Sends queued deliveries through the work queue (<see cref="WorkQueue"/>): each round claims due Pending rows and
/// leases them (replicas share the work, a row is never sent by two at once), then hands each to its channel with no
/// transaction open, and records the round's outcomes in one short transaction (issue 22: one commit per round, not one
/// per delivery). What a recording sink adds for a delivery (its sent message) is set aside at the call and added back
/// only for a delivery whose lease is still this worker's, so each delivery is recorded exactly once. A throwing channel
/// is retried with the one backoff rule (<see cref="Retries"/>) up to MaxAttempts, then the delivery is Failed with its
/// last error. A round whose record fails is sent again once its leases run out (at least once, never lost).
/// </summary>
public sealed class DeliveryDispatcher(IServiceScopeFactory scopes, IOptions<NotificationOptions> options, TimeProvider clock, ILogger<DeliveryDispatcher> log)
    : PeriodicJob(clock, log)
{
    protected override TimeSpan Interval => options.Value.DispatchInterval;

    /// <summary>
    /// One round; more may be due at once only when it claimed a full batch. Deliveries queued meanwhile wait for the next
    /// round, DispatchInterval later: running again after every round that sent anything cost a claim and a record commit
    /// for every few deliveries under load (issue 22).
    /// </summary>
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
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
            var channels = scope.ServiceProvider.GetServices<INotificationChannel>().ToList();
            var outcomes = new Dictionary<Guid, (Action<Delivery> Apply, List<object> Records)>();
            foreach (var delivery in batch)
                outcomes[delivery.Id] = await SendAsync(db, channels, delivery, notices[delivery.NoticeId], o, ct);
            try
            {
                await WorkQueue.RecordAsync(db, batch, delivery =>
                {
                    var (apply, records) = outcomes[delivery.Id];
                    apply(delivery);
                    db.AddRange(records);
                }, ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                Log.LogWarning(e, "The outcomes of {Count} deliveries could not be recorded; their leases expire and they are tried again", batch.Count);
                return false;
            }
            return batch.Count == o.DispatchBatchSize;
        }
    }

    /// <summary>
    /// One delivery's channel call: how to record its outcome, and the records its channel added to <paramref name="db"/>
    /// (taken out of the context, to be added back with the outcome).
    /// </summary>
    private async Task<(Action<Delivery>, List<object>)> SendAsync(NotificationsDbContext db, List<INotificationChannel> channels,
        Delivery claimed, Notice notice, NotificationOptions o, CancellationToken ct)
    {
        Action<Delivery> apply;
        var sent = false;
        try
        {
            var channel = channels.FirstOrDefault(c => c.Name == claimed.Channel);
            var outcome = channel is null
                ? new DeliveryOutcome.Undeliverable($"no channel named '{claimed.Channel}' is configured")
                : await channel.SendAsync(claimed, notice, ct);
            apply = delivery => Apply(delivery, outcome, o);
            sent = true;
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
        // a channel that threw records nothing
        var added = db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList();
        foreach (var entry in added) entry.State = EntityState.Detached;
        return (apply, sent ? added.Select(e => e.Entity).ToList() : []);
    }

    /// <summary>
    /// When a delivery waiting for its address is looked at again: after half its age, at least PostponeInterval and at most
    /// PostponeMaxInterval, and no later than the end of its AddressGrace (about 15 looks in 10 minutes, not one every 5 s:
    /// each look was a claim and a record, issue 22).
    /// </summary>
    public static DateTimeOffset Postponed(Delivery delivery, DateTimeOffset now, NotificationOptions o)
    {
        var wait = TimeSpan.FromTicks(Math.Clamp((now - delivery.CreatedAt).Ticks / 2, o.PostponeInterval.Ticks, o.PostponeMaxInterval.Ticks));
        var graceEnds = delivery.CreatedAt + o.AddressGrace;
        return now + wait < graceEnds ? now + wait : graceEnds;
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
                (delivery.NextAttemptAt, delivery.LastError) = (Postponed(delivery, now, o), p.Reason);
                break;
            default:
                throw new InvalidOperationException($"unknown outcome {outcome}");
        }
    }
}

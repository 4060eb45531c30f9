using Approval.Contracts.Events;
using Approval.Notifications.Channels;
using Approval.Notifications.Data;
using Approval.Notifications.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Integration.Tests;

/// <summary>
/// The delivery dispatcher records a round's outcomes in one transaction (issue 22). While it sent the SMS of a notice,
/// another worker took that delivery's lease (it ran out and was claimed again): the round records the push of the same
/// notice, with its sent message, and leaves the SMS to the lease's holder — whose send is the one recorded. Nothing is
/// recorded twice and nothing of the other delivery is lost.
/// </summary>
public sealed class NotificationRoundTests : IAsyncLifetime
{
    private NotificationsHost host = null!;
    private readonly LeaseThief thief = new();

    public async Task InitializeAsync() => host = await NotificationsHost.StartAsync(configure: (services, h) =>
    {
        thief.NewContext = h.NewContext;
        services.AddSingleton(thief);
        services.AddScoped<ISmsSender, LeaseStealingSmsSender>();
    });

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_delivery_whose_lease_passed_on_mid_round_is_left_to_its_holder_and_the_rest_of_the_round_is_recorded()
    {
        var app = Guid.NewGuid();
        var at = new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);
        await host.PublishAsync(new ApplicationReceived(app, "320193", "2509-320193-89-01-544060", "科创园一期", "u-round", "示范建设有限公司",
            "13900000002", 3, "2", "u-round", at), Guid.NewGuid());

        await Eventually.Until(async () =>
        {
            await using var db = host.NewContext();
            return await db.Deliveries.CountAsync(d => d.RecipientId == "u-round" && d.Status == DeliveryStatus.Sent) == 2;
        }, "both deliveries of the notice are sent");

        await using var check = host.NewContext();
        var sent = await check.SentMessages.Where(m => m.ApplicationId == app).ToListAsync();
        // the SMS was handed to the provider twice: by the round that lost its lease, and again by the lease's holder
        Assert.Equal(2, thief.Sends);
        Assert.Equal(1, thief.Stolen);
        // ... and recorded once, by the holder; the push of the first round was recorded with its outcome
        Assert.Single(sent, m => m.Channel == "sms");
        Assert.Single(sent, m => m.Channel == "push");
    }

    /// <summary>Takes the lease of the first SMS delivery it sends, as a second worker would once the lease ran out.</summary>
    public sealed class LeaseThief
    {
        public Func<NotificationsDbContext> NewContext { get; set; } = null!;
        public int Sends;
        public int Stolen;
    }

    private sealed class LeaseStealingSmsSender(NotificationsDbContext db, LeaseThief thief, TimeProvider clock) : ISmsSender
    {
        public async Task SendAsync(SmsMessage m, CancellationToken ct)
        {
            Interlocked.Increment(ref thief.Sends);
            if (Interlocked.CompareExchange(ref thief.Stolen, 1, 0) == 0)
            {
                // the other worker's lease: a new next_attempt_at, running out in a second (then this host claims it again)
                await using var other = thief.NewContext();
                await other.Deliveries.Where(d => d.Id == m.DeliveryId)
                    .ExecuteUpdateAsync(d => d.SetProperty(x => x.NextAttemptAt, clock.GetUtcNow().AddSeconds(1)), ct);
            }
            db.SentMessages.Add(new SentMessage
            {
                Id = Guid.CreateVersion7(), DeliveryId = m.DeliveryId, Channel = SmsChannel.ChannelName, Destination = m.Mobile,
                RecipientId = m.RecipientId, ApplicationId = m.ApplicationId, Text = m.Text, SentAt = clock.GetUtcNow(),
            });
        }
    }
}

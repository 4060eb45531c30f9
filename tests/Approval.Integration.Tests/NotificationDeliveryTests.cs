using Approval.Contracts.Events;
using Approval.Notifications.Domain;
using Microsoft.EntityFrameworkCore;

namespace Approval.Integration.Tests;

/// <summary>
/// Notifications on the real broker and database: every event becomes one inbox notice with one SMS and one push,
/// however often it is delivered, and an event that overtakes the applicant's application is held, not lost.
/// </summary>
public sealed class NotificationDeliveryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private NotificationsHost host = null!;

    public async Task InitializeAsync() => host = await NotificationsHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    private static ApplicationReceived Received(Guid app, string applicant, string? mobile) =>
        new(app, "320193", "2509-320193-89-01-544060", "科创园一期", applicant, "示范建设有限公司", mobile, 3, "2", applicant, At);

    private static ApplicationAccepted Accepted(Guid app, string applicant) =>
        new(app, "320193", "2509-320193-89-01-544060", "科创园一期", applicant, "示范建设有限公司", 3,
            [new AcceptedItem("320193-ZJ-SG-001", "施工许可", "ZJJ", "住建局", "11320193MB0000001X", 5, "X1", "施工许可证")], "窗口", At);

    private static ItemInstanceConcluded Concluded(Guid app) =>
        new(Guid.NewGuid(), app, "320193", "2509-320193-89-01-544060", "科创园一期", "示范建设有限公司", "320193-ZJ-SG-001", "施工许可",
            true, "符合条件", "ZJJ", "住建局", "11320193MB0000001X", "X1", "施工许可证", At);

    private async Task<(List<Notice> Notices, List<Delivery> Deliveries, List<SentMessage> Sent)> StateAsync(Guid app)
    {
        await using var db = host.NewContext();
        var notices = await db.Notices.Where(n => n.ApplicationId == app).ToListAsync();
        var ids = notices.Select(n => n.Id).ToList();
        return (notices, await db.Deliveries.Where(d => ids.Contains(d.NoticeId)).ToListAsync(),
            await db.SentMessages.Where(m => m.ApplicationId == app).ToListAsync());
    }

    [Fact]
    public async Task Redelivered_events_yield_exactly_one_notice_one_sms_and_one_push_each()
    {
        var app = Guid.NewGuid();
        var (received, accepted, concluded) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await host.PublishAsync(Received(app, "u-redeliver", "13900000001"), received);
        await host.PublishAsync(Accepted(app, "u-redeliver"), accepted);
        await host.PublishAsync(Concluded(app), concluded);
        // The broker (or a relay that crashed before marking its row sent) delivers each of them again, same MessageId.
        await host.PublishAsync(Received(app, "u-redeliver", "13900000001"), received);
        await host.PublishAsync(Accepted(app, "u-redeliver"), accepted);
        await host.PublishAsync(Concluded(app), concluded);

        await Eventually.Until(() => Task.FromResult(new[] { received, accepted, concluded }.All(id => host.Consumed.GetValueOrDefault(id) == 2)),
            "both copies of every event are consumed");
        await Eventually.Until(async () => (await StateAsync(app)).Deliveries.All(d => d.Status == DeliveryStatus.Sent), "every delivery is sent");

        var (notices, deliveries, sent) = await StateAsync(app);
        Assert.Equal(["accepted", "concluded", "received"], notices.Select(n => n.Kind).Order());
        Assert.All(notices, n => Assert.Equal("u-redeliver", n.RecipientId));
        Assert.Equal(6, deliveries.Count);
        var sms = sent.Where(m => m.Channel == "sms").ToList();
        Assert.Equal(3, sms.Count);
        Assert.All(sms, m => Assert.Equal("13900000001", m.Destination));
        Assert.Contains(sms, m => m.Text == "【工程建设项目审批】您的“科创园一期”申请已受理，1个审批事项已同时推送各部门办理。");
        Assert.Equal(3, sent.Count(m => m.Channel == "push"));
    }

    [Fact]
    public async Task An_event_that_overtakes_the_applicant_is_held_and_delivered_once_the_applicant_is_known()
    {
        var app = Guid.NewGuid();
        await using (var db = host.NewContext())
        {
            db.RecipientSettings.Add(new RecipientSettings { UserId = "u-overtaken", Mobile = "13900000002", UpdatedAt = At });
            await db.SaveChangesAsync();
        }
        var licence = Guid.NewGuid();
        await host.PublishAsync(new LicenceIssued(Guid.NewGuid(), "1.2.156.3005.2.X.Y.1.001.U", "施工许可证", Guid.NewGuid(), app, "320193-ZJ-SG-001", "住建局", At), licence);
        await Eventually.Until(() => Task.FromResult(host.Consumed.GetValueOrDefault(licence) == 1), "the licence event is consumed");

        var held = await StateAsync(app);
        Assert.Null(Assert.Single(held.Notices).RecipientId);
        Assert.Empty(held.Deliveries);

        await host.PublishAsync(Accepted(app, "u-overtaken"), Guid.NewGuid());
        await Eventually.Until(async () => (await StateAsync(app)).Sent.Count == 4, "both notices are sent by SMS and push");

        var (notices, _, sent) = await StateAsync(app);
        Assert.NotEmpty(notices);
        Assert.All(notices, n => Assert.Equal("u-overtaken", n.RecipientId));
        Assert.Equal(["accepted", "licence-issued"], notices.Select(n => n.Kind).Order());
        Assert.Equal(2, sent.Count(m => m.Channel == "sms" && m.Destination == "13900000002"));
    }

    [Fact]
    public async Task An_sms_without_a_mobile_number_waits_for_one_while_the_push_is_sent()
    {
        var app = Guid.NewGuid();
        await host.PublishAsync(Received(app, "u-nomobile", null), Guid.NewGuid());
        await Eventually.Until(async () => (await StateAsync(app)) is var s && s.Sent.Count == 1 && s.Deliveries.All(d => d.Attempts > 0 || d.LastError != null || d.Status != DeliveryStatus.Pending),
            "the push is sent and the SMS was looked at");
        var (notices, deliveries, sent) = await StateAsync(app);
        Assert.Single(notices);
        Assert.Equal("push", Assert.Single(sent).Channel);
        var sms = Assert.Single(deliveries, d => d.Channel == "sms");
        // Within the grace period (10 minutes by default) it keeps waiting for a number rather than giving up.
        Assert.Equal(DeliveryStatus.Pending, sms.Status);
        Assert.Contains("暂无手机号码", sms.LastError);
    }
}

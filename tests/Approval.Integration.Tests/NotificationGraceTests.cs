using Approval.Contracts.Events;
using Approval.Notifications.Domain;
using Microsoft.EntityFrameworkCore;

namespace Approval.Integration.Tests;

/// <summary>With no grace period, an SMS whose recipient has no mobile number is given up at once; the push still goes out.</summary>
public sealed class NotificationGraceTests : IAsyncLifetime
{
    private NotificationsHost host = null!;

    // Its own class: a second Notifications host running beside another would compete for the same queues.
    public async Task InitializeAsync() => host = await NotificationsHost.StartAsync(addressGrace: "00:00:00");

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task An_sms_still_without_a_number_after_the_grace_period_is_undeliverable_and_never_sent()
    {
        var app = Guid.NewGuid();
        await host.PublishAsync(new ApplicationAccepted(app, "320193", "2509-320193-89-01-544060", "科创园一期", "u-nonumber", "示范建设有限公司", 3,
            [new AcceptedItem("320193-ZJ-SG-001", "施工许可", "ZJJ", "住建局", "11320193MB0000001X", 5, null, null)], "窗口", DateTimeOffset.UtcNow), Guid.NewGuid());
        await using var db = host.NewContext();
        await Eventually.Until(async () => await db.Deliveries.CountAsync(d => d.RecipientId == "u-nonumber" && d.Status != DeliveryStatus.Pending) == 2,
            "both deliveries reach a final state");
        var sms = await db.Deliveries.SingleAsync(d => d.RecipientId == "u-nonumber" && d.Channel == "sms");
        Assert.Equal((DeliveryStatus.Undeliverable, "no mobile number / 无手机号码"), (sms.Status, sms.LastError));
        Assert.Equal(["push"], await db.SentMessages.Where(m => m.ApplicationId == app).Select(m => m.Channel).ToListAsync());
    }
}

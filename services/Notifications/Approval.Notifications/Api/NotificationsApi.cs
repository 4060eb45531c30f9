using Approval.Contracts.Codes;
using System.Text.RegularExpressions;
using Approval.Notifications.Channels;
using Approval.Notifications.Data;
using Approval.Notifications.Domain;

namespace Approval.Notifications.Api;

/// <summary>The web inbox (站内消息), the caller's SMS number, and the recording sinks for development and tests .</summary>
public static partial class NotificationsApi
{
    /// <summary>Only supervisors and region admins read the sinks: they hold other people's messages.</summary>
    public const string SinkReaders = "notification-sink-readers";

    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/notifications").WithTags("Notifications").RequireAuthorization();
        api.MapGet("/inbox", Inbox).WithSummary("The caller's notices, newest first, with the unread count / 我的消息");
        api.MapPost("/inbox/{id:guid}/read", MarkRead).WithSummary("Mark one notice read / 标记已读");
        api.MapPost("/inbox/read-all", MarkAllRead).WithSummary("Mark every notice read / 全部标记已读");
        api.MapGet("/contact", GetContact).WithSummary("The caller's SMS number / 我的短信接收号码");
        api.MapPut("/contact", PutContact).WithSummary("Set the caller's SMS number / 设置短信接收号码");
        api.MapGet("/sms-sink", (string? mobile, Guid? applicationId, NotificationsDbContext db, CancellationToken ct) =>
                SinkAsync(SmsChannel.ChannelName, mobile, applicationId, db, ct))
            .RequireAuthorization(SinkReaders).WithSummary("SMS recorded by the development/test sink / 短信记录（开发测试）");
        api.MapGet("/push-sink", (string? recipientId, Guid? applicationId, NotificationsDbContext db, CancellationToken ct) =>
                SinkAsync(PushChannel.ChannelName, recipientId, applicationId, db, ct))
            .RequireAuthorization(SinkReaders).WithSummary("Mobile pushes recorded by the sink / 推送记录（开发测试）");
    }

    private static async Task<Ok<InboxDto>> Inbox(int? take, ClaimsPrincipal user, NotificationsDbContext db, CancellationToken ct)
    {
        var me = user.UserId();
        var notices = await db.Notices.AsNoTracking().Where(n => n.RecipientId == me)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(Math.Clamp(take ?? 100, 1, 500)).ToListAsync(ct);
        var ids = notices.Select(n => n.Id).ToList();
        var deliveries = await db.Deliveries.AsNoTracking().Where(d => ids.Contains(d.NoticeId)).ToListAsync(ct);
        var unread = await db.Notices.CountAsync(n => n.RecipientId == me && n.ReadAt == null, ct);
        return TypedResults.Ok(new InboxDto(unread, notices.Select(n => ToDto(n, deliveries)).ToList()));
    }

    private static async Task<Ok<NoticeDto>> MarkRead(Guid id, ClaimsPrincipal user, NotificationsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var me = user.UserId();
        // Another user's notice answers 404, as if it did not exist.
        var notice = await db.Notices.FirstOrDefaultAsync(n => n.Id == id && n.RecipientId == me, ct) ?? throw new NotFoundException("Notice 消息", id.ToString());
        notice.ReadAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToDto(notice, await db.Deliveries.AsNoTracking().Where(d => d.NoticeId == id).ToListAsync(ct)));
    }

    private static async Task<Ok<int>> MarkAllRead(ClaimsPrincipal user, NotificationsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var me = user.UserId();
        var now = clock.GetUtcNow();
        return TypedResults.Ok(await db.Notices.Where(n => n.RecipientId == me && n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct));
    }

    private static async Task<Ok<ContactDto>> GetContact(ClaimsPrincipal user, NotificationsDbContext db, CancellationToken ct)
    {
        var me = user.UserId();
        return TypedResults.Ok(new ContactDto(await db.RecipientSettings.Where(s => s.UserId == me).Select(s => s.Mobile).FirstOrDefaultAsync(ct)));
    }

    private static async Task<Ok<ContactDto>> PutContact(ContactDto request, ClaimsPrincipal user, NotificationsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var mobile = string.IsNullOrWhiteSpace(request.Mobile) ? null : request.Mobile.Trim();
        if (mobile is not null && !MobileNumber.IsValid(mobile))
            throw ValidationException.For("mobile", "must be an 11-digit mainland mobile number starting with 13–19", "手机号码应为1开头的11位数字");
        var me = user.UserId();
        var settings = await db.RecipientSettings.FirstOrDefaultAsync(s => s.UserId == me, ct);
        if (settings is null) db.RecipientSettings.Add(settings = new RecipientSettings { UserId = me });
        (settings.Mobile, settings.UpdatedAt) = (mobile, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new ContactDto(mobile));
    }

    private static async Task<Ok<List<SentMessageDto>>> SinkAsync(string channel, string? destination, Guid? applicationId, NotificationsDbContext db, CancellationToken ct)
    {
        var query = db.SentMessages.AsNoTracking().Where(m => m.Channel == channel);
        if (!string.IsNullOrWhiteSpace(destination)) query = query.Where(m => m.Destination == destination);
        if (applicationId is not null) query = query.Where(m => m.ApplicationId == applicationId);
        var list = await query.OrderBy(m => m.SentAt).Take(500)
            .Select(m => new SentMessageDto(m.DeliveryId, m.Channel, m.Destination, m.RecipientId, m.ApplicationId, m.Text, m.SentAt)).ToListAsync(ct);
        return TypedResults.Ok(list);
    }

    private static NoticeDto ToDto(Notice n, List<Delivery> deliveries) => new(
        n.Id, n.ApplicationId, n.Kind, n.Title, n.Body, n.CreatedAt, n.ReadAt,
        deliveries.Where(d => d.NoticeId == n.Id).OrderBy(d => d.Channel).Select(d => new DeliveryDto(d.Channel, d.Status.ToString(), d.SentAt)).ToList());
}

namespace Approval.Notifications.Api;

public sealed record InboxDto(int Unread, List<NoticeDto> Notices);

public sealed record NoticeDto(
    Guid Id, Guid ApplicationId, string Kind, string Title, string Body, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt,
    List<DeliveryDto> Deliveries);

public sealed record DeliveryDto(string Channel, string Status, DateTimeOffset? SentAt);

public sealed record ContactDto(string? Mobile);

public sealed record SentMessageDto(
    Guid DeliveryId, string Channel, string Destination, string RecipientId, Guid ApplicationId, string Text, DateTimeOffset SentAt);

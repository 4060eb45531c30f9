namespace Approval.Portal.Api;

/// <summary>The caller's notices as Notifications serves them (docs/notifications.md).</summary>
public sealed record Inbox(int Unread, List<Notice> Notices);

public sealed record Notice(Guid Id, Guid ApplicationId, string Kind, string Title, string Body, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

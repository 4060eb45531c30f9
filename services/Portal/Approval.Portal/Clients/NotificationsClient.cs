using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Components.Authorization;

namespace Approval.Portal.Clients;

/// <summary>Notifications: the signed-in person's notices (站内消息, docs/notifications.md).</summary>
public sealed class NotificationsClient(HttpClient http, AuthenticationStateProvider authentication) : ServiceClient(http, authentication)
{
    public Task<Inbox> InboxAsync(CancellationToken ct = default) => GetAsync<Inbox>("/api/notifications/inbox", ct);
    public Task<JsonObject> MarkReadAsync(Guid id, CancellationToken ct = default) =>
        SendAsync<JsonObject>(HttpMethod.Post, $"/api/notifications/inbox/{id}/read", null, ct);
    public async Task<int> UnreadCountAsync(CancellationToken ct = default) => (await GetAsync<Inbox>("/api/notifications/inbox?take=1", ct)).Unread;
    public Task<int> MarkAllReadAsync(CancellationToken ct = default) => SendAsync<int>(HttpMethod.Post, "/api/notifications/inbox/read-all", null, ct);
}

/// <summary>The caller's notices as Notifications serves them (docs/notifications.md).</summary>
public sealed record Inbox(int Unread, List<Notice> Notices);

public sealed record Notice(Guid Id, Guid ApplicationId, string Kind, string Title, string Body, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

using Approval.Portal.Clients;

namespace Approval.Portal.Components.Shared;

/// <summary>
/// The signed-in person's unread notice count, one per circuit (scoped): the layout's 消息通知 badge shows it, and the
/// notices page sets it after reading or marking read, so the badge changes at once.
/// </summary>
public sealed class NoticeState
{
    public int? Unread { get; private set; }

    public event Action? Changed;

    public void Set(int unread)
    {
        if (Unread == unread) return;
        Unread = unread;
        Changed?.Invoke();
    }

    /// <summary>Reads the count from Notifications; a failed read keeps the last known count.</summary>
    public async Task RefreshAsync(NotificationsClient notifications, CancellationToken ct = default)
    {
        try
        {
            Set(await notifications.UnreadCountAsync(ct));
        }
        catch (Exception e) when (e is ApiProblem or HttpRequestException or System.Text.Json.JsonException or OperationCanceledException)
        {
            // the badge keeps its last count; the next navigation or tick reads again
        }
    }
}

using Approval.ServiceDefaults.Options;

namespace Approval.Portal.Components.Shared;

/// <summary>
/// How often the portal reads again what no stream announces (configuration section "Portal:Live", docs/portal.md):
/// 办理进度's fallback read (licences issued, clocks ageing with the working days) and the menu's unread count.
/// </summary>
public sealed class LiveUpdateOptions
{
    public const string Section = "Portal:Live";

    /// <summary>办理进度 reads progress and clocks again this often besides the stream's events (default 30 s).</summary>
    [Positive]
    public int ProgressFallbackSeconds { get; set; } = 30;

    /// <summary>The menu reads the unread count again this often besides every navigation (default 60 s).</summary>
    [Positive]
    public int UnreadRefreshSeconds { get; set; } = 60;
}

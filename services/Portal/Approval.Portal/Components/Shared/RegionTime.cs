namespace Approval.Portal.Components.Shared;

/// <summary>How every screen shows an instant: in the region's time (UTC+8), to the minute.</summary>
public static class RegionTime
{
    public static string Local(DateTimeOffset t) => t.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm");

    /// <summary>The region's calendar day of an instant (yyyy-MM-dd), e.g. a certificate's 有效期.</summary>
    public static string Date(DateTimeOffset t) => t.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd");
}

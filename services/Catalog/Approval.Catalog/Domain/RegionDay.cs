namespace Approval.Catalog.Domain;

/// <summary>The region's calendar day (China Standard Time, UTC+8, no daylight saving): versions take effect on local dates.</summary>
public static class RegionDay
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);
}

namespace Approval.Calendar;

/// <summary>A stop of the clock (补正, special procedure) with its reason; End is null while it lasts.</summary>
public sealed record Pause(DateTimeOffset Start, DateTimeOffset? End, string Reason)
{
    /// <summary>
    /// Overlapping or touching pauses as one (their reasons joined): a stage or project clock paused by two items at once
    /// is paused once, so no day is taken off twice (R-7.7: paused time "is not counted" — once).
    /// </summary>
    public static IReadOnlyList<Pause> Merge(IEnumerable<Pause> pauses)
    {
        var merged = new List<Pause>();
        foreach (var pause in pauses.OrderBy(p => p.Start))
        {
            if (merged.Count > 0 && merged[^1] is var last && (last.End is null || pause.Start <= last.End))
            {
                var end = last.End is null || pause.End is null ? null : pause.End > last.End ? pause.End : last.End;
                var reason = last.Reason.Split('；').Contains(pause.Reason) ? last.Reason : $"{last.Reason}；{pause.Reason}";
                merged[^1] = new Pause(last.Start, end, reason);
            }
            else merged.Add(pause);
        }
        return merged;
    }
}

namespace Approval.ServiceDefaults.Jobs;

/// <summary>The one retry rule of the work queues: exponential backoff with a cap, and how much of an error is kept.</summary>
public static class Retries
{
    /// <summary>Longest error text stored on a row (the column is text; a provider's HTML error page is not worth keeping whole).</summary>
    public const int MaxErrorLength = 1000;

    /// <summary>The wait after the <paramref name="attempts"/>-th failed attempt: first, 2·first, 4·first … at most max.</summary>
    public static TimeSpan Backoff(int attempts, TimeSpan first, TimeSpan max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);
        var milliseconds = first.TotalMilliseconds * Math.Pow(2, Math.Min(attempts - 1, 62));
        return milliseconds >= max.TotalMilliseconds ? max : TimeSpan.FromMilliseconds(milliseconds);
    }

    /// <summary>An error as stored: at most <see cref="MaxErrorLength"/> characters, a cut one ending in "…".</summary>
    public static string Error(string message) =>
        message.Length <= MaxErrorLength ? message : string.Concat(message.AsSpan(0, MaxErrorLength - 1), "…");
}

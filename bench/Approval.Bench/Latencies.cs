using System.Collections.Concurrent;

namespace Approval.Bench;

/// <summary>Latencies per request type, summarised as count, median and p99.</summary>
public sealed class Latencies
{
    private readonly ConcurrentDictionary<string, ConcurrentBag<double>> samples = new();

    public void Record(string type, double milliseconds) => samples.GetOrAdd(type, _ => []).Add(milliseconds);

    public IEnumerable<(string Type, int Count, double Median, double P99)> Summary() =>
        samples.OrderBy(s => s.Key).Select(s =>
        {
            var sorted = s.Value.Order().ToArray();
            return (s.Key, sorted.Length, Percentile(sorted, 0.50), Percentile(sorted, 0.99));
        });

    /// <summary>Nearest-rank percentile.</summary>
    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}

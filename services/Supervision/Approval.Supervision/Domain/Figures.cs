namespace Approval.Supervision.Domain;

/// <summary>What the figures are grouped by (统计维度): department, item, stage or flow type.</summary>
public enum FigureGrouping { Department, Item, Stage, FlowType }

/// <summary>
/// The counts of one group: item instances accepted (受理, also their receipt by the department), concluded, concluded on
/// time, overdue (running past the deadline or concluded late), working days used by the concluded ones (average, P90),
/// paused days and corrections.
/// </summary>
public sealed record FigureCounts(
    string Key, string Name, int Accepted, int Concluded, int ConcludedOnTime, int Overdue, double AverageWorkingDays,
    double P90WorkingDays, int CorrectionWorkingDays, int SpecialWorkingDays, int CorrectionCount)
{
    /// <summary>
    /// Each group's counts from the database's sums per (group, working days used), in the database's order: the sums add up,
    /// and the average and the P90 of the concluded ones come from the histogram of their working days. The database then
    /// needs one pass of plain sums (which it runs in parallel) instead of sorting every item instance for percentile_cont.
    /// </summary>
    public static List<FigureCounts> Merge(IEnumerable<FigureDays> rows) =>
        rows.GroupBy(r => r.Key).Select(g =>
        {
            var days = g.OrderBy(r => r.Days).ToList();
            var concluded = days.Sum(r => r.Concluded);
            var histogram = days.Where(r => r.Concluded > 0).Select(r => (r.Days, r.Concluded)).ToList();
            return new FigureCounts(g.Key, days.Select(r => r.Name).Max(StringComparer.Ordinal)!, days.Sum(r => r.Accepted), concluded,
                days.Sum(r => r.ConcludedOnTime), days.Sum(r => r.Overdue),
                concluded == 0 ? 0 : (double)days.Sum(r => (long)r.Days * r.Concluded) / concluded, PercentileCont(histogram, 0.9),
                days.Sum(r => r.CorrectionWorkingDays), days.Sum(r => r.SpecialWorkingDays), days.Sum(r => r.CorrectionCount));
        }).ToList();

    /// <summary>
    /// PostgreSQL's percentile_cont of the values a histogram counts ((value, count), values ascending): the values at ranks
    /// floor and ceil of p × (n − 1), interpolated; 0 for no values.
    /// </summary>
    public static double PercentileCont(IReadOnlyList<(int Value, int Count)> histogram, double p)
    {
        long n = histogram.Sum(h => (long)h.Count);
        if (n == 0) return 0;
        var rank = p * (n - 1);
        var (low, high) = ((long)Math.Floor(rank), (long)Math.Ceiling(rank));
        double At(long r)
        {
            long seen = 0;
            foreach (var (value, count) in histogram)
                if (r < (seen += count)) return value;
            return histogram[^1].Value;
        }
        var first = At(low);
        return high == low ? first : first + (rank - low) * (At(high) - first);
    }
}

/// <summary>The sums of one group's item instances that used the same number of working days (the dashboard query's rows).</summary>
public sealed record FigureDays(
    string Key, string Name, int Days, int Accepted, int Concluded, int ConcludedOnTime, int Overdue, int CorrectionWorkingDays,
    int SpecialWorkingDays, int CorrectionCount);

/// <summary>One row of the figures (效能统计) with its rates: 办结率 = concluded / accepted, on-time rate = on time / concluded.</summary>
public sealed record FigureRow(
    string Key, string Name, int Received, int Accepted, int Concluded, double ConclusionRate, double OnTimeRate,
    double AverageWorkingDays, double P90WorkingDays, int Overdue, int SpecialProcedureWorkingDays, int CorrectionWorkingDays,
    int CorrectionCount)
{
    public static FigureRow Of(FigureCounts c) => new(
        c.Key, c.Name, c.Accepted, c.Accepted, c.Concluded, Rate(c.Concluded, c.Accepted), Rate(c.ConcludedOnTime, c.Concluded),
        Math.Round(c.AverageWorkingDays, 2), Math.Round(c.P90WorkingDays, 2), c.Overdue, c.SpecialWorkingDays,
        c.CorrectionWorkingDays, c.CorrectionCount);

    /// <summary>A share rounded to 4 places; 0 when there is nothing to divide by.</summary>
    public static double Rate(int part, int whole) => whole == 0 ? 0 : Math.Round((double)part / whole, 4);
}

/// <summary>A project's total (项目总用时): the working days of its stages against the region's target (e.g. 120).</summary>
public sealed record ProjectTotal(string ProjectCode, string ProjectName, int UsedWorkingDays, int TargetWorkingDays, bool Running)
{
    public bool OverTarget => UsedWorkingDays > TargetWorkingDays;

    public static ProjectTotal Of(string code, IReadOnlyList<StageClock> stages, int target) =>
        new(code, stages.FirstOrDefault()?.ProjectName ?? "", stages.Sum(s => s.UsedWorkingDays), target, stages.Any(s => s.ConcludedAt is null));
}

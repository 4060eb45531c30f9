namespace Approval.Supervision.Domain;

/// <summary>What the figures are grouped by (统计维度): department, item, stage or flow type.</summary>
public enum FigureGrouping { Department, Item, Stage, FlowType }

/// <summary>
/// The counts of one group as the database sums them: item instances accepted (受理, also their receipt by the
/// department), concluded, concluded on time, overdue (running past the deadline or concluded late), working days used by
/// the concluded ones (average, P90), paused days and corrections.
/// </summary>
public sealed record FigureCounts(
    string Key, string Name, int Accepted, int Concluded, int ConcludedOnTime, int Overdue, double AverageWorkingDays,
    double P90WorkingDays, int CorrectionWorkingDays, int SpecialWorkingDays, int CorrectionCount);

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

    /// <summary>The nearest-rank P90 of a list (the database uses percentile_cont; this is the unit tests' reference).</summary>
    public static double P90(IReadOnlyList<int> values)
    {
        if (values.Count == 0) return 0;
        var sorted = values.Order().ToList();
        var rank = 0.9 * (sorted.Count - 1);
        var low = (int)Math.Floor(rank);
        var high = Math.Min(low + 1, sorted.Count - 1);
        return sorted[low] + (rank - low) * (sorted[high] - sorted[low]);
    }
}

/// <summary>A project's total (项目总用时): the working days of its stages against the region's target (e.g. 120).</summary>
public sealed record ProjectTotal(string ProjectCode, string ProjectName, int UsedWorkingDays, int TargetWorkingDays, bool Running)
{
    public bool OverTarget => UsedWorkingDays > TargetWorkingDays;

    public static ProjectTotal Of(string code, IReadOnlyList<StageClock> stages, int target) =>
        new(code, stages.FirstOrDefault()?.ProjectName ?? "", stages.Sum(s => s.UsedWorkingDays), target, stages.Any(s => s.ConcludedAt is null));
}

namespace Approval.Supervision.Domain;

/// <summary>An inclusive range of dates; empty when <see cref="From"/> is after <see cref="To"/>.</summary>
public readonly record struct DateRange(DateOnly From, DateOnly To)
{
    public bool IsEmpty => From > To;
}

/// <summary>
/// A figures period cut for the monthly totals: the whole months inside it (<see cref="Months"/>, as their first days), read
/// from the totals, and the days before and after them (<see cref="Head"/>, <see cref="Tail"/>), read from the item clocks.
/// Together they cover the period once.
/// </summary>
public readonly record struct PeriodSplit(DateRange Head, DateRange Months, DateRange Tail)
{
    /// <param name="byMonth">false: the whole period from the clocks (a project's figures; the totals do not keep projects).</param>
    public static PeriodSplit Of(DateOnly from, DateOnly to, bool byMonth)
    {
        var none = new DateRange(DateOnly.MaxValue, DateOnly.MinValue);
        var whole = new DateRange(from, to);
        // Dates at the calendar's ends (a hostile query string) have no month before or after: read from the clocks.
        if (!byMonth || from.Year < 2 || to.Year > 9998) return new(whole, none, none);
        var firstWhole = from.Day == 1 ? from : FirstOfMonth(from).AddMonths(1);
        var lastWhole = to.Day == DateTime.DaysInMonth(to.Year, to.Month) ? FirstOfMonth(to) : FirstOfMonth(to).AddMonths(-1);
        if (firstWhole > lastWhole) return new(whole, none, none);
        return new(new DateRange(from, firstWhole.AddDays(-1)), new DateRange(firstWhole, lastWhole),
            new DateRange(lastWhole.AddMonths(1), to));
    }

    private static DateOnly FirstOfMonth(DateOnly d) => new(d.Year, d.Month, 1);
}

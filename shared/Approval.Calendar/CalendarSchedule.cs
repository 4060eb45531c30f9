using System.Globalization;

namespace Approval.Calendar;

/// <summary>One problem of a year's schedule: the list it is in (holidays / workdays) and the rule, naming the date, in English and Chinese.</summary>
public sealed record ScheduleProblem(string Field, string English, string Chinese);

/// <summary>
/// One year's 节假日安排 as written in a region pack or uploaded by the region admin: holidays (days off) and make-up working
/// days (调休上班), each a date (yyyy-MM-dd) or a FROM/TO range. The rules, each problem naming the date: every date lies in
/// that year, no date is listed twice, a make-up working day is a Saturday or Sunday, and no date is both.
/// </summary>
public static class CalendarSchedule
{
    public const string Holidays = "holidays";
    public const string Workdays = "workdays";

    public static (CalendarYear Year, IReadOnlyList<ScheduleProblem> Problems) Parse(int year, IEnumerable<string>? holidays, IEnumerable<string>? workdays)
    {
        var problems = new List<ScheduleProblem>();
        var off = Dates(holidays, Holidays, year, problems);
        var on = Dates(workdays, Workdays, year, problems);
        foreach (var w in on.Where(d => !IsWeekend(d)).Order())
            problems.Add(new(Workdays, $"{w:yyyy-MM-dd} is a weekday; make-up working days are weekend days",
                $"{w:yyyy-MM-dd}是周一至周五，调休上班日只能是周六或周日"));
        foreach (var both in off.Intersect(on).Order())
            problems.Add(new(Holidays, $"{both:yyyy-MM-dd} is both a holiday and a make-up working day",
                $"{both:yyyy-MM-dd}不能既是放假日又是调休上班日"));
        return (new CalendarYear(year, off, on), problems);
    }

    /// <summary>Dates as the schedule writes them: consecutive days as one FROM/TO range, single days as a date.</summary>
    public static IReadOnlyList<string> Ranges(IEnumerable<DateOnly> dates)
    {
        var ranges = new List<string>();
        DateOnly? from = null, to = null;
        foreach (var d in dates.Distinct().Order())
        {
            if (to is { } t && d == t.AddDays(1)) { to = d; continue; }
            if (from is { } f) ranges.Add(Range(f, to!.Value));
            from = to = d;
        }
        if (from is { } last) ranges.Add(Range(last, to!.Value));
        return ranges;
    }

    private static string Range(DateOnly from, DateOnly to) =>
        from == to ? from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : $"{from:yyyy-MM-dd}/{to:yyyy-MM-dd}";

    private static bool IsWeekend(DateOnly d) => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static HashSet<DateOnly> Dates(IEnumerable<string>? entries, string field, int year, List<ScheduleProblem> problems)
    {
        var dates = new HashSet<DateOnly>();
        foreach (var raw in entries ?? [])
        {
            var entry = (raw ?? "").Trim();
            var parts = entry.Split('/');
            if (parts.Length > 2 || !parts.All(p => DateOnly.TryParseExact(p.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)))
            {
                problems.Add(new(field, $"'{entry}' is not a date (yyyy-MM-dd) or a range (FROM/TO)", $"“{entry}”不是日期（yyyy-MM-dd）或日期范围（起/止）"));
                continue;
            }
            var from = DateOnly.ParseExact(parts[0].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var to = DateOnly.ParseExact(parts[^1].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (to < from || from.Year != year || to.Year != year)
            {
                problems.Add(new(field, $"'{entry}' must lie within {year} and run forwards", $"“{entry}”必须在{year}年内且起日不晚于止日"));
                continue;
            }
            for (var d = from; d <= to; d = d.AddDays(1))
                if (!dates.Add(d))
                    problems.Add(new(field, $"{d:yyyy-MM-dd} is listed twice", $"{d:yyyy-MM-dd}重复列出"));
        }
        return dates;
    }
}

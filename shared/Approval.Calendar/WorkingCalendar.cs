namespace Approval.Calendar;

/// <summary>
/// A region's working-day calendar (R-T.1): weekends and public holidays are off, make-up working days
/// on weekends are on. Day arithmetic is on local dates in the region's time zone. A date after the last loaded year
/// (next year's 节假日安排 not yet published or loaded) counts Monday to Friday as working days — provisional
/// (暂定), which <see cref="IsProvisional"/> tells so a clock can say so; a date before the first loaded year is an error.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly Dictionary<int, CalendarYear> years;

    public WorkingCalendar(TimeZoneInfo timeZone, IEnumerable<CalendarYear> years)
    {
        TimeZone = timeZone;
        this.years = years.ToDictionary(y => y.Year);
        if (this.years.Count == 0) throw new ArgumentException("A calendar needs at least one year.", nameof(years));
    }

    public TimeZoneInfo TimeZone { get; }

    public IEnumerable<int> Years => years.Keys.Order();

    /// <summary>The first year whose schedule is loaded: a date before it is an error.</summary>
    public int FirstYear => years.Keys.Min();

    /// <summary>The schedule of a loaded year, or null.</summary>
    public CalendarYear? Year(int year) => years.GetValueOrDefault(year);

    /// <summary>
    /// A new calendar in the same time zone with <paramref name="replacing"/> added, each replacing a loaded year of its number
    /// (this one never changes: a service swaps the instance when a year is uploaded).
    /// </summary>
    public WorkingCalendar With(IEnumerable<CalendarYear> replacing)
    {
        var merged = new Dictionary<int, CalendarYear>(years);
        foreach (var year in replacing) merged[year.Year] = year;
        return new WorkingCalendar(TimeZone, merged.Values);
    }

    /// <summary>The last year whose schedule is loaded.</summary>
    public int LastYear => years.Keys.Max();

    /// <summary>True for a date after the last loaded year: counted on weekdays only, until its year is loaded.</summary>
    public bool IsProvisional(DateOnly date) => date.Year > LastYear;

    public bool IsWorkingDay(DateOnly date)
    {
        if (!years.TryGetValue(date.Year, out var year))
        {
            if (IsProvisional(date)) return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
            throw new CalendarRangeException(date, Years);
        }
        if (year.MakeUpWorkdays.Contains(date)) return true;
        if (year.Holidays.Contains(date)) return false;
        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>The region's local date of an instant.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);

    /// <summary>The <paramref name="workingDays"/>-th working day after <paramref name="date"/> (the date itself not counted); 0 → the date.</summary>
    public DateOnly AddWorkingDays(DateOnly date, int workingDays)
    {
        if (workingDays < 0) throw new ArgumentOutOfRangeException(nameof(workingDays), "must not be negative");
        var day = date;
        for (var counted = 0; counted < workingDays;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day)) counted++;
        }
        return day;
    }

    /// <summary>Working days in (from, to]: the inverse of <see cref="AddWorkingDays"/>; 0 when to ≤ from.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsWorkingDay(day)) count++;
        }
        return count;
    }

    /// <summary>Working days from one instant's local date to another's.</summary>
    public int WorkingDaysBetween(DateTimeOffset from, DateTimeOffset to) => WorkingDaysBetween(LocalDate(from), LocalDate(to));
}

namespace Approval.Calendar;

/// <summary>
/// Working time for limits stated in hours or minutes: time on a day off (weekend, holiday) is not counted, time on a
/// working day (a make-up day included) counts around the clock. Days are the region's local days.
/// </summary>
public static class WorkingTime
{
    private const int MaxDays = 3660;

    /// <summary>Working minutes in [from, to); 0 when to ≤ from.</summary>
    public static int WorkingMinutesBetween(this WorkingCalendar calendar, DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from) return 0;
        var minutes = 0.0;
        for (var day = calendar.LocalDate(from); day <= calendar.LocalDate(to); day = day.AddDays(1))
        {
            if (!calendar.IsWorkingDay(day)) continue;
            var start = Max(from, calendar.StartOf(day));
            var end = Min(to, calendar.StartOf(day.AddDays(1)));
            if (end > start) minutes += (end - start).TotalMinutes;
        }
        return (int)minutes;
    }

    /// <summary>The instant <paramref name="minutes"/> working minutes after <paramref name="from"/>.</summary>
    public static DateTimeOffset AddWorkingMinutes(this WorkingCalendar calendar, DateTimeOffset from, int minutes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minutes);
        var cursor = from;
        double left = minutes;
        for (var days = 0; days < MaxDays; days++)
        {
            var day = calendar.LocalDate(cursor);
            var next = calendar.StartOf(day.AddDays(1));
            if (calendar.IsWorkingDay(day))
            {
                var available = (next - cursor).TotalMinutes;
                if (left <= available) return cursor.AddMinutes(left);
                left -= available;
            }
            cursor = next;
        }
        throw new ArgumentOutOfRangeException(nameof(minutes), minutes, "more working time than ten years hold");
    }

    /// <summary>The instant a local day begins in the region's time zone.</summary>
    public static DateTimeOffset StartOf(this WorkingCalendar calendar, DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, calendar.TimeZone.GetUtcOffset(local));
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}

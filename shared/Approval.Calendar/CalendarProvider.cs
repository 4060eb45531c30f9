namespace Approval.Calendar;

/// <summary>One year's schedule as the region admin uploaded it at run time (holidays, make-up working days) and when.</summary>
public sealed record UploadedCalendarYear(int Year, IReadOnlyCollection<DateOnly> Holidays, IReadOnlyCollection<DateOnly> Workdays, DateTimeOffset UploadedAt)
{
    public CalendarYear ToYear() => new(Year, Holidays.ToHashSet(), Workdays.ToHashSet());
}

/// <summary>
/// The region's working calendar as this replica's clocks read it: the region pack's years (regions/&lt;code&gt;/calendar.json,
/// read once at start) with the years the region admin uploaded at run time, an uploaded year replacing the pack's year of the
/// same number and an earlier upload of it. <see cref="WorkingCalendar"/> stays immutable: a change swaps in a new instance,
/// so a request that resolved <see cref="Current"/> once reads one calendar throughout. Approvals fills it from its table;
/// the other services from its event CalendarYearUploaded and its list of uploaded years (Approval.Messaging RuntimeCalendar).
/// </summary>
public sealed class CalendarProvider(WorkingCalendar pack)
{
    private readonly Lock changing = new();
    private Dictionary<int, UploadedCalendarYear> uploaded = new();
    private volatile WorkingCalendar current = pack;

    /// <summary>The region pack's years only.</summary>
    public WorkingCalendar Pack { get; } = pack;

    /// <summary>The pack's years and the uploaded ones, as last applied.</summary>
    public WorkingCalendar Current => current;

    /// <summary>The uploaded years applied so far.</summary>
    public IReadOnlyCollection<UploadedCalendarYear> Uploaded => uploaded.Values;

    /// <summary>
    /// Applies uploaded years (each newer than the one of its number applied so far, else ignored: events may come twice or
    /// late) and swaps in a new calendar when any was new; true when the calendar changed.
    /// </summary>
    public bool Apply(IEnumerable<UploadedCalendarYear> years)
    {
        lock (changing)
        {
            var next = new Dictionary<int, UploadedCalendarYear>(uploaded);
            var changed = false;
            foreach (var y in years)
            {
                if (next.TryGetValue(y.Year, out var known) && known.UploadedAt >= y.UploadedAt) continue;
                next[y.Year] = y;
                changed = true;
            }
            if (!changed) return false;
            current = Pack.With(next.Values.OrderBy(y => y.Year).Select(y => y.ToYear()));
            uploaded = next;
            return true;
        }
    }
}

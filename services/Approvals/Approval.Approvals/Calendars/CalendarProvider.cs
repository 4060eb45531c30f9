using Approval.Approvals.Data;
using Approval.Approvals.Domain;
using Approval.Calendar;

namespace Approval.Approvals.Calendars;

/// <summary>
/// The region's working calendar as this replica's clocks read it: the region pack's years (regions/&lt;code&gt;/calendar.json,
/// read once at start) with the years the region admin uploaded (table calendar_years), an uploaded year replacing the pack's
/// year of the same number. <see cref="WorkingCalendar"/> stays immutable: a change swaps in a new instance, so a request
/// reads one calendar throughout (it is resolved once per scope). Every replica re-reads the stored years every few
/// seconds (<see cref="CalendarRefresh"/>); the replica that took an upload swaps at once.
/// </summary>
public sealed class CalendarProvider(WorkingCalendar pack)
{
    private sealed record Snapshot(WorkingCalendar Calendar, string Signature);

    private readonly SemaphoreSlim refreshing = new(1, 1);
    private volatile Snapshot current = new(pack, "");

    /// <summary>The region pack's years only.</summary>
    public WorkingCalendar Pack { get; } = pack;

    /// <summary>The pack's years and the uploaded ones, as last read.</summary>
    public WorkingCalendar Current => current.Calendar;

    /// <summary>Reads the stored years and swaps in a new calendar when any was added or uploaded again; true when it changed.</summary>
    public async Task<bool> RefreshAsync(ApprovalsDbContext db, CancellationToken ct)
    {
        // One refresh at a time, each reading the table afresh: a round that began before an upload committed cannot
        // swap its older calendar in after the upload's own refresh.
        await refreshing.WaitAsync(ct);
        try
        {
            return Apply(await db.CalendarYears.AsNoTracking().OrderBy(y => y.Year).ToListAsync(ct));
        }
        finally
        {
            refreshing.Release();
        }
    }

    /// <summary>Makes the pack's years with <paramref name="stored"/> (every stored year) the current calendar, unless they are the ones in use.</summary>
    public bool Apply(IReadOnlyList<StoredCalendarYear> stored)
    {
        var signature = string.Join(",", stored.OrderBy(y => y.Year).Select(y => $"{y.Year}@{y.UploadedAt.UtcTicks}"));
        if (signature == current.Signature) return false;
        current = new Snapshot(Pack.With(stored.Select(ToYear)), signature);
        return true;
    }

    public static CalendarYear ToYear(StoredCalendarYear y) => new(y.Year, y.Holidays.ToHashSet(), y.Workdays.ToHashSet());
}

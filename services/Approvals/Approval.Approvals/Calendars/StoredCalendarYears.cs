using Approval.Approvals.Data;
using Approval.Approvals.Domain;
using Approval.Calendar;

namespace Approval.Approvals.Calendars;

/// <summary>
/// Approvals fills the shared <see cref="CalendarProvider"/> from its own table calendar_years (the uploads it takes); every
/// replica re-reads it every few seconds (<see cref="CalendarRefresh"/>), the replica that took an upload at once.
/// </summary>
public static class StoredCalendarYears
{
    // One refresh at a time, each reading the table afresh: a round that began before an upload committed cannot
    // swap its older calendar in after the upload's own refresh.
    private static readonly SemaphoreSlim Refreshing = new(1, 1);

    /// <summary>Reads the stored years and applies those added or uploaded again; true when the calendar changed.</summary>
    public static async Task<bool> RefreshAsync(this CalendarProvider calendars, ApprovalsDbContext db, CancellationToken ct)
    {
        await Refreshing.WaitAsync(ct);
        try
        {
            return calendars.Apply(await db.CalendarYears.AsNoTracking().OrderBy(y => y.Year).ToListAsync(ct));
        }
        finally
        {
            Refreshing.Release();
        }
    }

    public static bool Apply(this CalendarProvider calendars, IEnumerable<StoredCalendarYear> stored) => calendars.Apply(stored.Select(Uploaded));

    /// <summary>A stored year as every service applies it (the list of uploaded years, the event CalendarYearUploaded).</summary>
    public static UploadedCalendarYear Uploaded(StoredCalendarYear y) => new(y.Year, y.Holidays, y.Workdays, y.UploadedAt);
}

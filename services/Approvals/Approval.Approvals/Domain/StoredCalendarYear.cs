namespace Approval.Approvals.Domain;

/// <summary>
/// One year's 节假日安排 uploaded by the region admin at run time (PUT /api/approvals/calendar/years/{year}): added to the
/// region pack's years, replacing the pack's schedule of the same year when there is one. One row per year; a new upload
/// of the year replaces it (the audit log keeps every upload).
/// </summary>
public sealed class StoredCalendarYear
{
    public int Year { get; init; }
    public List<DateOnly> Holidays { get; set; } = [];
    public List<DateOnly> Workdays { get; set; } = [];
    public required string UploadedBy { get; set; }
    public required string UploadedByName { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
}

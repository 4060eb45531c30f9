namespace Approval.Contracts.Events;

/// <summary>
/// 工作日历: the region admin uploaded (or replaced) one year's holiday schedule in Approvals (PUT /api/approvals/calendar/years/{year}).
/// Every service that keeps clocks applies it to its calendar (Approval.Calendar.CalendarProvider): the year replaces the region
/// pack's year of the same number and any earlier upload of it (the later UploadedAt wins).
/// </summary>
public sealed record CalendarYearUploaded(
    string RegionCode,
    int Year,
    IReadOnlyList<DateOnly> Holidays,
    IReadOnlyList<DateOnly> Workdays,
    DateTimeOffset UploadedAt);

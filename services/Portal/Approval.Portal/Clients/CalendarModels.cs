namespace Approval.Portal.Clients;

// The region's working calendar as Approvals answers it (services/Approvals/Approval.Approvals/Api/CalendarApi.cs).

/// <summary>One loaded year: its days off and make-up working days as dates or FROM/TO ranges; who uploaded it (null for the region pack's).</summary>
public sealed record CalendarYearInfo(int Year, string Source, string SourceName, bool ReplacesPack, IReadOnlyList<string> Holidays,
    IReadOnlyList<string> Workdays, string? UploadedBy, string? UploadedByName, DateTimeOffset? UploadedAt);

/// <summary>The loaded years, the year missing within 90 days (with its warning), and the years that may be uploaded now.</summary>
public sealed record WorkingCalendarInfo(string RegionCode, string TimeZone, int LastYear, int? MissingYear, string? Warning,
    int UploadableFrom, int UploadableTo, IReadOnlyList<CalendarYearInfo> Years);

public sealed record CalendarYearUpload(IReadOnlyList<string> Holidays, IReadOnlyList<string> Workdays);

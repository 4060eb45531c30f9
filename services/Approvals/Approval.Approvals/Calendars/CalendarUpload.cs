using Approval.Calendar;

namespace Approval.Approvals.Calendars;

/// <summary>The body of PUT /api/approvals/calendar/years/{year}: days off and make-up working days, each a date or a FROM/TO range.</summary>
public sealed record CalendarYearUpload(List<string>? Holidays, List<string>? Workdays);

/// <summary>
/// What an uploaded year must be (docs/approvals.md, "Next year's calendar"): a year that can be loaded now, and a schedule
/// whose every date lies in that year, listed once, make-up working days on Saturdays or Sundays, no date both. Each
/// problem is a 400 naming the date.
/// </summary>
public static class CalendarUploadRules
{
    /// <summary>More days off than any national schedule has (about 30 with the weekends inside the holidays).</summary>
    public const int MaxHolidays = 60;
    public const int MaxWorkdays = 20;

    /// <summary>
    /// The years the admin may load now: this year (a schedule corrected during the year) and the next, not before the pack's
    /// first year, and never leaving a year unloaded between the loaded ones (a stale pack is caught up year by year). A past
    /// year is refused: it would rewrite the working days concluded clocks used.
    /// </summary>
    public static (int From, int To) UploadableYears(WorkingCalendar pack, WorkingCalendar current, int thisYear) =>
        (Math.Max(pack.FirstYear, Math.Min(thisYear, current.LastYear + 1)), Math.Min(thisYear + 1, current.LastYear + 1));

    public static CalendarYear Validate(int year, CalendarYearUpload upload, WorkingCalendar pack, WorkingCalendar current, int thisYear)
    {
        var (from, to) = UploadableYears(pack, current, thisYear);
        if (year < from || year > to)
            throw ValidationException.For("year",
                $"{year} cannot be loaded now: only {Span(from, to)} (this year or the next, not before the region pack's first year {pack.FirstYear}, no year skipped)",
                $"{year}年不能加载：当前只能加载{Span(from, to)}年（本年或下一年，不早于地区配置包的首年{pack.FirstYear}年，不得跳年）");
        var (schedule, problems) = CalendarSchedule.Parse(year, upload.Holidays, upload.Workdays);
        var errors = new FieldErrors();
        foreach (var p in problems) errors.Add(p.Field, $"{p.English} / {p.Chinese}");
        errors.Require(schedule.Holidays.Count > 0 || problems.Any(p => p.Field == CalendarSchedule.Holidays), CalendarSchedule.Holidays,
                "at least one holiday is required", "至少填写一个放假日期")
            .Require(schedule.Holidays.Count <= MaxHolidays, CalendarSchedule.Holidays, $"at most {MaxHolidays} days off", $"放假日期最多{MaxHolidays}天")
            .Require(schedule.MakeUpWorkdays.Count <= MaxWorkdays, CalendarSchedule.Workdays, $"at most {MaxWorkdays} make-up working days", $"调休上班日最多{MaxWorkdays}天")
            .ThrowIfAny();
        return schedule;
    }

    private static string Span(int from, int to) => from == to ? $"{from}" : $"{from}–{to}";
}

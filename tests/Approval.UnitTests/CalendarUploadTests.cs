using Approval.Approvals.Calendars;
using Approval.Approvals.Domain;
using Approval.Calendar;
using Approval.Contracts.Errors;

namespace Approval.UnitTests;

/// <summary>Issue 15 item 9: the region admin's upload of a year's 节假日安排 — every refusal names the date (or the year).</summary>
public sealed class CalendarUploadTests
{
    private static readonly WorkingCalendar Pack = WorkingCalendarTests.Demo; // 2025 and 2026

    private static CalendarYear Validate(int year, string[]? holidays, string[]? workdays = null, int thisYear = 2026) =>
        CalendarUploadRules.Validate(year, new CalendarYearUpload(holidays?.ToList(), workdays?.ToList()), Pack, Pack, thisYear);

    private static IReadOnlyDictionary<string, string[]> Refused(int year, string[]? holidays, string[]? workdays = null, int thisYear = 2026) =>
        Assert.Throws<ValidationException>(() => Validate(year, holidays, workdays, thisYear)).Errors;

    [Fact]
    public void A_valid_year_expands_its_ranges()
    {
        var year = Validate(2027, ["2027-01-01", "2027-02-06/2027-02-14"], ["2027-02-20"]);
        Assert.Equal(10, year.Holidays.Count);
        Assert.Equal([new DateOnly(2027, 2, 20)], year.MakeUpWorkdays);
        Assert.Equal(["2027-01-01", "2027-02-06/2027-02-14"], CalendarSchedule.Ranges(year.Holidays));
    }

    [Fact]
    public void A_date_outside_the_year_is_refused_naming_it()
    {
        var errors = Refused(2027, ["2027-01-01", "2026-12-31"]);
        Assert.Contains("'2026-12-31' must lie within 2027", Assert.Single(errors["holidays"]));
        Assert.Contains("2027-12-31/2028-01-01", Assert.Single(Refused(2027, ["2027-12-31/2028-01-01"])["holidays"]));
    }

    [Fact]
    public void A_make_up_day_on_a_weekday_is_refused_naming_it()
    {
        // Wed 17 Feb 2027.
        var message = Assert.Single(Refused(2027, ["2027-01-01"], ["2027-02-17"])["workdays"]);
        Assert.Contains("2027-02-17 is a weekday", message);
        Assert.Contains("调休上班日只能是周六或周日", message);
    }

    [Fact]
    public void A_date_both_a_holiday_and_a_make_up_day_is_refused_naming_it()
    {
        // Sat 20 Feb 2027 in both lists.
        Assert.Contains("2027-02-20 is both a holiday and a make-up working day", Assert.Single(Refused(2027, ["2027-02-20"], ["2027-02-20"])["holidays"]));
    }

    [Fact]
    public void A_duplicate_date_is_refused_naming_it_also_inside_overlapping_ranges()
    {
        Assert.Contains("2027-01-01 is listed twice", Assert.Single(Refused(2027, ["2027-01-01", "2027-01-01"])["holidays"]));
        Assert.Contains("2027-02-08 is listed twice", Assert.Single(Refused(2027, ["2027-02-06/2027-02-08", "2027-02-08/2027-02-10"])["holidays"]));
        Assert.Contains("2027-02-20 is listed twice", Assert.Single(Refused(2027, ["2027-01-01"], ["2027-02-20", "2027-02-20"])["workdays"]));
    }

    [Fact]
    public void Not_a_date_and_an_empty_schedule_are_refused()
    {
        Assert.Contains("'2027-02-30' is not a date", Assert.Single(Refused(2027, ["2027-02-30"])["holidays"]));
        Assert.Contains("at least one holiday", Assert.Single(Refused(2027, [])["holidays"]));
        Assert.Contains("at most 60 days off", Assert.Single(Refused(2027, ["2027-01-01/2027-12-31"])["holidays"]));
    }

    [Theory]
    [InlineData(2024)] // before the pack's first year
    [InlineData(2025)] // a past year: concluded clocks would change
    [InlineData(2028)] // skips 2027, and more than a year ahead
    [InlineData(9999)]
    public void A_year_that_cannot_be_loaded_now_is_refused(int year)
    {
        Assert.Contains("only 2026–2027", Assert.Single(Refused(year, ["2027-01-01"])["year"]));
    }

    [Fact]
    public void The_uploadable_years_are_this_year_and_the_next_and_a_stale_pack_catches_up_year_by_year()
    {
        Assert.Equal((2026, 2027), CalendarUploadRules.UploadableYears(Pack, Pack, 2026));
        var with2027 = Pack.With([new CalendarYear(2027, new HashSet<DateOnly>(), new HashSet<DateOnly>())]);
        Assert.Equal((2026, 2027), CalendarUploadRules.UploadableYears(Pack, with2027, 2026));
        Assert.Equal((2027, 2028), CalendarUploadRules.UploadableYears(Pack, with2027, 2027));
        Assert.Equal((2027, 2027), CalendarUploadRules.UploadableYears(Pack, Pack, 2029)); // the pack ends in 2026: 2027 first
    }

    [Fact]
    public void An_upload_swaps_in_a_new_calendar_and_a_deadline_in_the_year_stops_being_provisional()
    {
        var calendars = new CalendarProvider(Pack);
        var before = calendars.Current;
        // Wed 30 Dec 2026 + 5 working days: Wed 6 Jan 2027 on weekdays; with 1–3 Jan 2027 off, Thu 7 Jan.
        Assert.Equal((new DateOnly(2027, 1, 6), true), (before.AddWorkingDays(new DateOnly(2026, 12, 30), 5), before.IsProvisional(new DateOnly(2027, 1, 6))));
        var stored = new StoredCalendarYear
        {
            Year = 2027, Holidays = [new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 2), new DateOnly(2027, 1, 3)], UploadedBy = "admin",
            UploadedByName = "管理员", UploadedAt = DateTimeOffset.UnixEpoch,
        };
        Assert.True(calendars.Apply([stored]));
        Assert.False(calendars.Apply([stored])); // the same upload: nothing to swap
        var after = calendars.Current;
        Assert.Equal((new DateOnly(2027, 1, 7), false), (after.AddWorkingDays(new DateOnly(2026, 12, 30), 5), after.IsProvisional(new DateOnly(2027, 1, 7))));
        Assert.True(before.IsProvisional(new DateOnly(2027, 1, 7))); // the old instance never changes
    }
}

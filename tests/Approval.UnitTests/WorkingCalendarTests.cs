using Approval.Calendar;

namespace Approval.UnitTests;

public sealed class WorkingCalendarTests
{
    internal static readonly WorkingCalendar Demo = CalendarFile.Load(Path.Combine(RepoPaths.RegionPack(), "calendar.json"));

    private static DateOnly D(string s) => DateOnly.Parse(s);

    // Spring Festival 2025: off 28 Jan–4 Feb; 26 Jan (Sun) and 8 Feb (Sat) are worked.
    // Fri 24 Jan + 3: Sat 25 off, Sun 26 worked (1), Mon 27 (2), 28 Jan–4 Feb off, Wed 5 Feb (3).
    [InlineData("2025-01-24", 3, "2025-02-05")]
    // Mon 27 Jan + 5: 5 Feb (1), 6 (2), 7 (3), Sat 8 worked (4), Mon 10 (5).
    [InlineData("2025-01-27", 5, "2025-02-10")]
    // National Day 2025: off 1–8 Oct; 28 Sep (Sun) and 11 Oct (Sat) worked. Fri 26 Sep + 2: Sun 28 (1), Mon 29 (2).
    [InlineData("2025-09-26", 2, "2025-09-29")]
    // + 6: 28 (1), 29 (2), 30 (3), 1–8 Oct off, 9 (4), 10 (5), Sat 11 (6).
    [InlineData("2025-09-26", 6, "2025-10-11")]
    // Spring Festival 2026: off 15–23 Feb; 14 Feb (Sat) and 28 Feb (Sat) worked. Fri 13 Feb + 1: Sat 14 (1); + 2: Tue 24 (2).
    [InlineData("2026-02-13", 1, "2026-02-14")]
    [InlineData("2026-02-13", 2, "2026-02-24")]
    // National Day 2026: off 1–7 Oct; 10 Oct (Sat) worked. Wed 30 Sep + 1: Thu 8 Oct; + 3: 8, 9, Sat 10.
    [InlineData("2026-09-30", 1, "2026-10-08")]
    [InlineData("2026-09-30", 3, "2026-10-10")]
    // Across the year: Wed 31 Dec 2025 + 1: 1–3 Jan 2026 off, Sun 4 Jan worked.
    [InlineData("2025-12-31", 1, "2026-01-04")]
    [InlineData("2025-03-03", 0, "2025-03-03")]
    [Theory]
    public void Adding_working_days_follows_the_State_Council_schedule(string start, int days, string expected) =>
        Assert.Equal(D(expected), Demo.AddWorkingDays(D(start), days));

    [Fact]
    public void Counting_working_days_skips_holidays_and_counts_make_up_days()
    {
        // (24 Jan, 10 Feb 2025]: 26, 27 Jan, 5, 6, 7, 8, 10 Feb = 7.
        Assert.Equal(7, Demo.WorkingDaysBetween(D("2025-01-24"), D("2025-02-10")));
        Assert.Equal(0, Demo.WorkingDaysBetween(D("2026-10-01"), D("2026-10-07")));
        Assert.Equal(0, Demo.WorkingDaysBetween(D("2026-10-09"), D("2026-10-01")));
    }

    [Theory]
    [InlineData("2026-10-10", true)]   // Saturday, make-up working day
    [InlineData("2026-10-05", false)]  // Monday, National Day
    [InlineData("2026-11-28", false)]  // an ordinary Saturday
    [InlineData("2026-11-25", true)]   // an ordinary Wednesday
    public void Make_up_days_work_and_holidays_rest(string date, bool working) => Assert.Equal(working, Demo.IsWorkingDay(D(date)));

    [Fact]
    public void A_date_before_every_loaded_year_is_an_error_not_a_guess()
    {
        var e = Assert.Throws<CalendarRangeException>(() => Demo.IsWorkingDay(D("2024-12-31")));
        Assert.Contains("2025, 2026", e.Message);
    }

    // 2027 is not loaded (issue 15): its dates count Monday to Friday, provisionally. Wed 30 Dec 2026 + 5: Thu 31 Dec (1),
    // Fri 1 Jan 2027 (2 — 元旦 will be off once 2027 is loaded, but is a weekday until then), Mon 4 (3), Tue 5 (4), Wed 6 (5).
    [Fact]
    public void A_date_after_the_loaded_years_counts_weekdays_and_is_provisional()
    {
        Assert.Equal(D("2027-01-06"), Demo.AddWorkingDays(D("2026-12-30"), 5));
        Assert.True(Demo.IsWorkingDay(D("2027-01-01")));
        Assert.False(Demo.IsWorkingDay(D("2027-01-02")));
        Assert.Equal((2026, true, false), (Demo.LastYear, Demo.IsProvisional(D("2027-01-01")), Demo.IsProvisional(D("2026-12-31"))));
    }

    [Fact]
    public void Instants_are_counted_on_the_regions_local_date()
    {
        // 17:00 UTC on Friday 13 Feb 2026 is 01:00 on Saturday 14 Feb in Shanghai (a make-up working day).
        Assert.Equal(D("2026-02-14"), Demo.LocalDate(new DateTimeOffset(2026, 2, 13, 17, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Adding_then_counting_working_days_round_trips()
    {
        var random = new Random(20251001);
        for (var i = 0; i < 2000; i++)
        {
            var start = D("2025-01-01").AddDays(random.Next(0, 600));
            var days = random.Next(0, 60);
            var end = Demo.AddWorkingDays(start, days);
            Assert.Equal(days, Demo.WorkingDaysBetween(start, end));
            if (days > 0) Assert.True(Demo.IsWorkingDay(end), $"{start} + {days} = {end} is not a working day");
        }
    }

    [Fact]
    public void An_invalid_calendar_file_lists_every_error()
    {
        var path = Path.Combine(Path.GetTempPath(), $"calendar-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """
            { "timeZone": "Mars/Olympus", "years": [ { "year": 2027, "holidays": ["2027-02-30", "2026-12-31/2027-01-02"], "workdays": ["2027-03-03"] } ] }
            """);
        try
        {
            var e = Assert.Throws<InvalidDataException>(() => CalendarFile.Load(path));
            Assert.Contains("timeZone: unknown time zone", e.Message);
            Assert.Contains("'2027-02-30' is not a date", e.Message);
            Assert.Contains("must lie within 2027", e.Message);
            Assert.Contains("2027-03-03 is a weekday", e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

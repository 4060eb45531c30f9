using Approval.Calendar;
using Approval.Contracts.Events;
using Approval.Messaging;
using Approval.Reviews.Domain;

namespace Approval.UnitTests;

/// <summary>
/// Run-time calendar years in a service other than Approvals: the region admin's upload (CalendarYearUploaded) applied to the
/// shared CalendarProvider moves a technical review's deadline at once; another region's, a stale or a repeated upload does not.
/// </summary>
public sealed class RuntimeCalendarTests
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset Started = new(2026, 11, 2, 10, 0, 0, Shanghai); // a Monday
    private static readonly WarningThreshold Threshold = WarningThreshold.Default;

    private static Review StartedReview()
    {
        var review = Review.Commission(Guid.NewGuid(), "320193", "u1", "申请人", "2026-320193-48-01-000001", null,
            ReviewType.Find(ReviewType.ConstructionDrawing)!, "TSZX", "示范区施工图审查中心", 5, [], null, Started.AddDays(-1));
        review.Start(Started);
        return review;
    }

    private static CalendarYearUploaded Upload2026(string region, DateTimeOffset at, params DateOnly[] extraHolidays)
    {
        var pack = WorkingCalendarTests.Demo.Year(2026)!;
        return new(region, 2026, [.. pack.Holidays.Concat(extraHolidays).Order()], [.. pack.MakeUpWorkdays.Order()], at);
    }

    [Fact]
    public void An_uploaded_year_moves_a_review_deadline_without_a_restart()
    {
        var calendars = new CalendarProvider(WorkingCalendarTests.Demo);
        var review = StartedReview();
        var before = review.ReadClock(calendars.Current, Started, Threshold)!.Deadline;
        Assert.Equal(new DateOnly(2026, 11, 9), before); // 5 working days from Mon 2 Nov on the pack's calendar

        var uploaded = Upload2026("320193", Started.AddHours(1), new DateOnly(2026, 11, 4));
        Assert.True(CalendarYearUploadedConsumer.Apply(calendars, "320193", uploaded));
        Assert.Equal(new DateOnly(2026, 11, 10), review.ReadClock(calendars.Current, Started, Threshold)!.Deadline);
        Assert.Equal(before, review.ReadClock(calendars.Pack, Started, Threshold)!.Deadline); // the pack itself is unchanged

        // The same event again, an older upload of the year, another region's: nothing changes.
        Assert.False(CalendarYearUploadedConsumer.Apply(calendars, "320193", uploaded));
        Assert.False(CalendarYearUploadedConsumer.Apply(calendars, "320193", Upload2026("320193", Started)));
        Assert.False(CalendarYearUploadedConsumer.Apply(calendars, "320193", Upload2026("999999", Started.AddHours(2))));
        Assert.Equal(new DateOnly(2026, 11, 10), review.ReadClock(calendars.Current, Started, Threshold)!.Deadline);

        // A later upload of the year replaces the earlier one (the extra holiday withdrawn).
        Assert.True(calendars.Apply([new UploadedCalendarYear(2026, WorkingCalendarTests.Demo.Year(2026)!.Holidays, WorkingCalendarTests.Demo.Year(2026)!.MakeUpWorkdays, Started.AddHours(3))]));
        Assert.Equal(before, review.ReadClock(calendars.Current, Started, Threshold)!.Deadline);
    }
}

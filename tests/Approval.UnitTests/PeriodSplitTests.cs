using Approval.Supervision.Domain;

namespace Approval.UnitTests;

/// <summary>
/// A figures period cut for the monthly totals (<see cref="PeriodSplit"/>): the whole months inside it and the days around
/// them cover every day of the period once, and a month is read from the totals only when the period holds all of it.
/// </summary>
public sealed class PeriodSplitTests
{
    [Theory]
    [InlineData("2026-02-01", "2026-11-30", "2026-02-01", "2026-11-01", false, false)]
    [InlineData("2026-02-14", "2026-11-03", "2026-03-01", "2026-10-01", true, true)]
    [InlineData("2025-12-31", "2026-12-31", "2026-01-01", "2026-12-01", true, false)]
    [InlineData("2024-02-01", "2024-02-29", "2024-02-01", "2024-02-01", false, false)]
    public void Whole_months_go_to_the_totals(string from, string to, string firstMonth, string lastMonth, bool head, bool tail)
    {
        var split = PeriodSplit.Of(DateOnly.Parse(from), DateOnly.Parse(to), byMonth: true);

        Assert.Equal(new DateRange(DateOnly.Parse(firstMonth), DateOnly.Parse(lastMonth)), split.Months);
        Assert.Equal(head, !split.Head.IsEmpty);
        Assert.Equal(tail, !split.Tail.IsEmpty);
    }

    [Theory]
    [InlineData("2026-05-02", "2026-05-30", true)]   // no whole month
    [InlineData("2026-03-31", "2026-04-29", true)]
    [InlineData("2026-02-01", "2026-11-30", false)]  // a project's figures
    [InlineData("0001-01-01", "0001-03-31", true)]   // the calendar's ends
    [InlineData("9999-10-01", "9999-12-31", true)]
    public void A_period_without_whole_months_or_by_project_is_read_from_the_clocks(string from, string to, bool byMonth)
    {
        var split = PeriodSplit.Of(DateOnly.Parse(from), DateOnly.Parse(to), byMonth);

        Assert.Equal(new DateRange(DateOnly.Parse(from), DateOnly.Parse(to)), split.Head);
        Assert.True(split.Months.IsEmpty);
        Assert.True(split.Tail.IsEmpty);
    }

    [Fact]
    public void Every_day_of_a_random_period_is_covered_once()
    {
        var random = new Random(2207);
        for (var run = 0; run < 500; run++)
        {
            var from = new DateOnly(2025, 1, 1).AddDays(random.Next(800));
            var to = from.AddDays(random.Next(400));
            var split = PeriodSplit.Of(from, to, byMonth: true);
            for (var day = from.AddDays(-40); day <= to.AddDays(40); day = day.AddDays(1))
            {
                var month = new DateOnly(day.Year, day.Month, 1);
                var covered = (In(split.Head, day) ? 1 : 0) + (In(split.Tail, day) ? 1 : 0) + (In(split.Months, month) ? 1 : 0);
                Assert.True(covered == (day >= from && day <= to ? 1 : 0), $"{from}..{to}: {day} covered {covered} times by {split}");
            }
        }
    }

    private static bool In(DateRange range, DateOnly day) => day >= range.From && day <= range.To;
}

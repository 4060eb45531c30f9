using Approval.Calendar;
using Approval.Contracts.Errors;
using Approval.Supervision.Api;
using Approval.Supervision.Domain;

namespace Approval.UnitTests;

/// <summary>Supervision's item clock built from status events: pauses kept apart, warnings once each (issue 19).</summary>
public sealed class SupervisionClockTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendarTests.Demo;
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    private static DateTimeOffset At(int month, int day, int hour = 10) => new(2026, month, day, hour, 0, 0, Shanghai);

    // Accepted Tue 29 Sep 2026 with a limit of 5 working days: deadline Mon 12 Oct (1–7 Oct off, Sat 10 Oct a make-up day).
    private static ItemClock Accepted(int limit = 5) => new()
    {
        Id = Guid.NewGuid(), ApplicationId = Guid.NewGuid(), RegionCode = "320193", ProjectCode = "2509-320193-89-01-544060", ProjectName = "示范项目",
        ItemCode = "ITEM", ItemName = "施工许可", DepartmentCode = "ZJ", DepartmentName = "住建局", StageNo = 3, LimitWorkingDays = limit,
        AcceptedAt = At(9, 29), AcceptedDate = new DateOnly(2026, 9, 29),
    };

    [Fact]
    public void Correction_and_special_procedure_pause_the_clock_and_are_counted_apart()
    {
        var item = Accepted(10);
        item.Apply(8, At(9, 30), "审批员", "user-1");
        item.Apply(6, At(9, 30, 11), "审批员", null);   // 补正 from 30 Sep to Fri 9 Oct: 8, 9 Oct = 2 working days
        item.Apply(7, At(10, 9), "申请人", null);
        item.Apply(9, At(10, 12), "审批员", null);       // 特别程序 from Mon 12 to Wed 14 Oct: 13, 14 = 2
        item.Apply(10, At(10, 14), "审批员", null);
        item.Apply(11, At(10, 16), "审批员", null);
        item.Refresh(Calendar, WarningThreshold.Default, At(11, 20));

        Assert.Equal((2, 2, 1), (item.CorrectionWorkingDays, item.SpecialWorkingDays, item.CorrectionCount));
        // 30 Sep, 8, 9, 10 (Sat, make-up), 12, 13, 14, 15, 16 Oct = 9 working days, 4 of them paused.
        Assert.Equal(5, item.UsedWorkingDays);
        Assert.Equal((true, ClockState.OnTime, "user-1"), (item.Approved, item.State, item.HandlerId));
        Assert.False(item.Running);
    }

    [Fact]
    public void Status_changes_applied_out_of_order_give_the_same_clock_as_in_order()
    {
        // 特别程序 9 and 10 are published milliseconds apart and may be consumed in either order (one retried after the other).
        var inOrder = Accepted(10);
        var reversed = Accepted(10);
        (int Code, DateTimeOffset At)[] changes = [(8, At(9, 30)), (9, At(10, 12)), (10, At(10, 14)), (11, At(10, 16))];
        foreach (var (code, at) in changes) inOrder.Apply(code, at, "审批员", null);
        foreach (var (code, at) in new[] { changes[0], changes[2], changes[3], changes[1] }) reversed.Apply(code, at, "审批员", null);
        inOrder.Refresh(Calendar, WarningThreshold.Default, At(11, 20));
        reversed.Refresh(Calendar, WarningThreshold.Default, At(11, 20));

        Assert.Equal((11, 2, 1, false), (reversed.StatusCode, reversed.SpecialWorkingDays, reversed.SpecialProcedureCount, reversed.Running));
        Assert.Equal((inOrder.UsedWorkingDays, inOrder.SpecialWorkingDays, inOrder.ConcludedAt), (reversed.UsedWorkingDays, reversed.SpecialWorkingDays, reversed.ConcludedAt));
        Assert.DoesNotContain(reversed.Pauses, p => p.End is null);
    }

    [Fact]
    public void A_clock_crossing_the_warning_threshold_warns_once_then_overdue_once()
    {
        var item = Accepted();
        item.Refresh(Calendar, WarningThreshold.Default, At(9, 30));
        Assert.Null(item.TakeDueWarning());

        item.Refresh(Calendar, WarningThreshold.Default, At(10, 9));   // 3 used, 2 left → 预警
        Assert.Equal(1, item.TakeDueWarning());
        item.Refresh(Calendar, WarningThreshold.Default, At(10, 10));
        Assert.Null(item.TakeDueWarning());                              // still 预警: not sent again

        item.Refresh(Calendar, WarningThreshold.Default, At(10, 13));  // past Mon 12 Oct → 逾期
        Assert.Equal(ClockState.Overdue, item.State);
        Assert.Equal(2, item.TakeDueWarning());
        Assert.Null(item.TakeDueWarning());
    }

    [Fact]
    public void A_concluded_clock_is_never_warned_and_a_recall_runs_it_again()
    {
        var item = Accepted();
        item.Apply(13, At(10, 13), "审批员", null);
        item.Refresh(Calendar, WarningThreshold.Default, At(10, 20));
        Assert.Equal((ClockState.Overdue, false), (item.State, item.Approved));   // concluded late: counts as overdue
        Assert.Null(item.TakeDueWarning());

        item.Apply(14, At(10, 20), "审批员", null);
        Assert.True(item.Running);
        Assert.Null(item.Approved);
    }

    [Fact]
    public void A_review_clock_pauses_for_a_supplement_and_stops_at_its_conclusion()
    {
        var review = new ServiceClock
        {
            Id = Guid.NewGuid(), Kind = ServiceClock.Review, RegionCode = "320193", ProjectCode = "P", Provider = "TSZX", Name = "施工图审查",
            LimitWorkingDays = 5, OpenedAt = At(9, 28), OpenedDate = new DateOnly(2026, 9, 28), StartedAt = At(9, 29),
        };
        review.Pause(At(9, 30));           // 补充材料 from 30 Sep to Fri 9 Oct: 8, 9 Oct paused
        review.Resume(At(10, 9));
        review.EndedAt = At(10, 13);       // 30 Sep, 8, 9, 10 (make-up), 12, 13 = 6 days, 2 paused
        review.Refresh(Calendar, WarningThreshold.Default, At(11, 1));
        Assert.Equal((4, 2, ClockState.OnTime), (review.UsedWorkingDays, review.PausedWorkingDays, review.State));
    }

    [Fact]
    public void An_item_without_a_limit_only_counts_its_days()
    {
        var item = Accepted(0);
        item.Refresh(Calendar, WarningThreshold.Default, At(10, 9));
        Assert.Equal((3, ClockState.OnTime, (DateOnly?)null), (item.UsedWorkingDays, item.State, item.Deadline));
    }
}

public sealed class SupervisionFigureTests
{
    private static readonly DateOnly Today = new(2026, 12, 5);

    [Fact]
    public void Rates_divide_safely_and_P90_interpolates()
    {
        var row = FigureRow.Of(new FigureCounts("ZJ", "住建局", 8, 4, 3, 2, 4.5, 7.7, 3, 1, 2));
        Assert.Equal((0.5, 0.75, 8, 2), (row.ConclusionRate, row.OnTimeRate, row.Received, row.Overdue));
        Assert.Equal(0, FigureRow.Rate(1, 0));
        Assert.Equal(9.1, FigureCounts.PercentileCont([.. Enumerable.Range(1, 10).Select(v => (v, 1))], 0.9), 6);
        Assert.Equal(0, FigureCounts.PercentileCont([], 0.9));
    }

    [Fact]
    public void The_percentile_of_a_histogram_is_the_percentile_of_the_values_it_counts()
    {
        var random = new Random(22);
        for (var run = 0; run < 200; run++)
        {
            var values = Enumerable.Range(0, random.Next(1, 60)).Select(_ => random.Next(0, 12)).ToList();
            var histogram = values.GroupBy(v => v).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())).ToList();
            foreach (var p in new[] { 0.9, 0.5, 0.0, 1.0 })
                Assert.Equal(PercentileContOfList(values, p), FigureCounts.PercentileCont(histogram, p));
        }
    }

    [Fact]
    public void Merged_day_sums_give_each_groups_counts_average_and_P90_in_the_databases_order()
    {
        FigureDays Days(string key, int days, int accepted, int concluded) => new(key, "部门" + key, days, accepted, concluded, concluded, 1, 2, 3, 4);
        var merged = FigureCounts.Merge([Days("ZJJ", 2, 3, 2), Days("ZJJ", 10, 1, 1), Days("ZJJ", 5, 4, 0), Days("FGW", 1, 1, 1)]);

        Assert.Equal(["ZJJ", "FGW"], merged.Select(m => m.Key));
        var zjj = merged[0];
        Assert.Equal(("部门ZJJ", 8, 3, 3, 3), (zjj.Name, zjj.Accepted, zjj.Concluded, zjj.ConcludedOnTime, zjj.Overdue));
        Assert.Equal((2 * 2 + 10) / 3.0, zjj.AverageWorkingDays, 10); // the running ones (5 days, none concluded) count for neither
        Assert.Equal(PercentileContOfList([2, 2, 10], 0.9), zjj.P90WorkingDays);
        Assert.Equal((6, 9, 12), (zjj.CorrectionWorkingDays, zjj.SpecialWorkingDays, zjj.CorrectionCount));
    }

    /// <summary>percentile_cont as PostgreSQL computes it over the sorted values (the reference).</summary>
    private static double PercentileContOfList(IReadOnlyList<int> values, double p)
    {
        var sorted = values.Order().ToList();
        var rank = p * (sorted.Count - 1);
        var (low, high) = ((int)Math.Floor(rank), (int)Math.Ceiling(rank));
        return high == low ? sorted[low] : sorted[low] + (rank - low) * (sorted[high] - sorted[low]);
    }

    [Fact]
    public void A_period_longer_than_the_maximum_is_refused_naming_the_limit()
    {
        var query = new FigureQuery(null, new DateOnly(2025, 1, 1), new DateOnly(2026, 6, 30), null, null, null, null, null);
        var e = Assert.Throws<ValidationException>(() => FigureFilter.Of(query, new SupervisionScope("320193", null), Today, 366));
        Assert.Contains("366", e.Errors["to"][0]);
    }

    [Fact]
    public void A_department_lead_is_bound_to_their_department()
    {
        var lead = new SupervisionScope("320193", "ZJ");
        var own = FigureFilter.Of(new FigureQuery("item", null, null, null, null, null, null, null), lead, Today, 366);
        Assert.Equal(("ZJ", FigureGrouping.Item, Today.AddDays(-29), Today), (own.DepartmentCode, own.GroupBy, own.From, own.To));
        var other = new FigureQuery(null, null, null, "GT", null, null, null, null);
        Assert.Contains("departmentCode", Assert.Throws<ValidationException>(() => FigureFilter.Of(other, lead, Today, 366)).Errors.Keys);
        Assert.False(lead.Sees("320193", "GT"));
        Assert.True(new SupervisionScope("320193", null).Sees("320193", "GT"));
    }

    [Fact]
    public void The_export_has_Chinese_headers_in_CSV_and_is_a_spreadsheet_in_XLSX()
    {
        var rows = new[] { FigureRow.Of(new FigureCounts("ZJ", "住建局", 2, 1, 1, 0, 3, 3, 0, 0, 0)) };
        var csv = System.Text.Encoding.UTF8.GetString(FigureExport.Csv(rows));
        Assert.Contains("按时办结率", csv);
        Assert.Contains("住建局", csv);
        var xlsx = FigureExport.Xlsx(rows);
        Assert.Equal((byte)'P', xlsx[0]);   // a zip package (PK…)
        Assert.Equal((byte)'K', xlsx[1]);
    }

    [Fact]
    public void A_period_without_cases_exports_the_headers_alone()
    {
        var csv = System.Text.Encoding.UTF8.GetString(FigureExport.Csv([])).TrimStart('\uFEFF');
        Assert.StartsWith("编码,名称,收件数,受理数,办结数,办结率,按时办结率", csv);
    }
}

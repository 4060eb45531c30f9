using Approval.Calendar;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Npgsql;

namespace Approval.Supervision.Domain;

/// <summary>
/// One row of the figures' monthly totals (月度汇总, table figure_totals): the sums the dashboard's query takes over the item
/// clocks of one region, acceptance month, department, item, stage, flow type and number of working days used. Kept by
/// every save of the clocks (<see cref="FigureTotals"/>), so a period's whole months are read from here and only its
/// partial months from the clocks themselves (issue 22: the figures of a year at 1 M item instances).
/// </summary>
public sealed class FigureTotal
{
    public required string RegionCode { get; init; }
    /// <summary>The first day of the month of <see cref="ItemClock.AcceptedDate"/>.</summary>
    public DateOnly Month { get; init; }
    public required string DepartmentCode { get; init; }
    public required string DepartmentName { get; init; }
    public required string ItemCode { get; init; }
    public required string ItemName { get; init; }
    public int StageNo { get; init; }
    /// <summary>审批流程类型, "" when none was chosen (a key column cannot be null).</summary>
    public required string FlowType { get; init; }
    public int UsedWorkingDays { get; init; }

    public int Accepted { get; set; }
    public int Concluded { get; set; }
    public int ConcludedOnTime { get; set; }
    public int Overdue { get; set; }
    public int CorrectionWorkingDays { get; set; }
    public int SpecialWorkingDays { get; set; }
    public int CorrectionCount { get; set; }

    /// <summary>The row's key, as the table's primary key orders it.</summary>
    public (string, DateOnly, string, string, string, string, int, string, int) Key =>
        (RegionCode, Month, DepartmentCode, DepartmentName, ItemCode, ItemName, StageNo, FlowType, UsedWorkingDays);

    /// <summary>Adds another row's sums of the same key to this one's.</summary>
    public void Add(FigureTotal other)
    {
        Accepted += other.Accepted;
        Concluded += other.Concluded;
        ConcludedOnTime += other.ConcludedOnTime;
        Overdue += other.Overdue;
        CorrectionWorkingDays += other.CorrectionWorkingDays;
        SpecialWorkingDays += other.SpecialWorkingDays;
        CorrectionCount += other.CorrectionCount;
    }

    public bool IsZero => Accepted == 0 && Concluded == 0 && ConcludedOnTime == 0 && Overdue == 0 && CorrectionWorkingDays == 0
        && SpecialWorkingDays == 0 && CorrectionCount == 0;
}

/// <summary>How a save of item clocks changes the monthly totals.</summary>
public static class FigureTotals
{
    /// <summary>
    /// The changes a unit of work makes to the totals: each added, changed or deleted clock takes its old contribution (the
    /// values read from the database) out and puts its new one in; changes that cancel out are dropped. Ordered by key (the
    /// same order in every replica of the service), so concurrent saves lock the rows they share in one order.
    /// </summary>
    public static List<FigureTotal> Deltas(IEnumerable<EntityEntry<ItemClock>> entries)
    {
        var deltas = new Dictionary<(string, DateOnly, string, string, string, string, int, string, int), FigureTotal>();
        void Put(PropertyValues values, int sign)
        {
            var one = Contribution(values, sign);
            if (deltas.TryGetValue(one.Key, out var sum)) sum.Add(one);
            else deltas[one.Key] = one;
        }
        foreach (var entry in entries)
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted) Put(entry.OriginalValues, -1);
            if (entry.State is EntityState.Added or EntityState.Modified) Put(entry.CurrentValues, +1);
        }
        return deltas.Values.Where(d => !d.IsZero).OrderBy(d => d.Key).ToList();
    }

    /// <summary>What one clock with these values adds to its row (<paramref name="count"/> 1) or takes out of it (−1).</summary>
    private static FigureTotal Contribution(PropertyValues v, int count)
    {
        var concluded = v.GetValue<DateTimeOffset?>(nameof(ItemClock.ConcludedAt)) is not null;
        var overdue = v.GetValue<ClockState>(nameof(ItemClock.State)) == ClockState.Overdue;
        var accepted = v.GetValue<DateOnly>(nameof(ItemClock.AcceptedDate));
        return new FigureTotal
        {
            RegionCode = v.GetValue<string>(nameof(ItemClock.RegionCode)), Month = new DateOnly(accepted.Year, accepted.Month, 1),
            DepartmentCode = v.GetValue<string>(nameof(ItemClock.DepartmentCode)), DepartmentName = v.GetValue<string>(nameof(ItemClock.DepartmentName)),
            ItemCode = v.GetValue<string>(nameof(ItemClock.ItemCode)), ItemName = v.GetValue<string>(nameof(ItemClock.ItemName)),
            StageNo = v.GetValue<int>(nameof(ItemClock.StageNo)), FlowType = v.GetValue<string?>(nameof(ItemClock.FlowType)) ?? "",
            UsedWorkingDays = v.GetValue<int>(nameof(ItemClock.UsedWorkingDays)),
            Accepted = count, Concluded = concluded ? count : 0, ConcludedOnTime = concluded && !overdue ? count : 0, Overdue = overdue ? count : 0,
            CorrectionWorkingDays = count * v.GetValue<int>(nameof(ItemClock.CorrectionWorkingDays)),
            SpecialWorkingDays = count * v.GetValue<int>(nameof(ItemClock.SpecialWorkingDays)),
            CorrectionCount = count * v.GetValue<int>(nameof(ItemClock.CorrectionCount)),
        };
    }

    /// <summary>Adds the deltas to their rows (creating missing ones) in one statement, inside the caller's transaction.</summary>
    public const string UpsertSql = """
        INSERT INTO figure_totals ("RegionCode", "Month", "DepartmentCode", "DepartmentName", "ItemCode", "ItemName", "StageNo",
          "FlowType", "UsedWorkingDays", "Accepted", "Concluded", "ConcludedOnTime", "Overdue", "CorrectionWorkingDays",
          "SpecialWorkingDays", "CorrectionCount")
        SELECT * FROM unnest(@region, @month, @department, @departmentName, @item, @itemName, @stage, @flow, @days, @accepted,
          @concluded, @onTime, @overdue, @correctionDays, @specialDays, @corrections)
        ON CONFLICT ("RegionCode", "Month", "DepartmentCode", "DepartmentName", "ItemCode", "ItemName", "StageNo", "FlowType",
          "UsedWorkingDays") DO UPDATE SET
          "Accepted" = figure_totals."Accepted" + excluded."Accepted",
          "Concluded" = figure_totals."Concluded" + excluded."Concluded",
          "ConcludedOnTime" = figure_totals."ConcludedOnTime" + excluded."ConcludedOnTime",
          "Overdue" = figure_totals."Overdue" + excluded."Overdue",
          "CorrectionWorkingDays" = figure_totals."CorrectionWorkingDays" + excluded."CorrectionWorkingDays",
          "SpecialWorkingDays" = figure_totals."SpecialWorkingDays" + excluded."SpecialWorkingDays",
          "CorrectionCount" = figure_totals."CorrectionCount" + excluded."CorrectionCount"
        """;

    /// <summary>The deltas as the arrays <see cref="UpsertSql"/> unnests, one per column.</summary>
    public static object[] UpsertParameters(List<FigureTotal> d) =>
    [
        new NpgsqlParameter("region", d.Select(t => t.RegionCode).ToArray()), new NpgsqlParameter("month", d.Select(t => t.Month).ToArray()),
        new NpgsqlParameter("department", d.Select(t => t.DepartmentCode).ToArray()),
        new NpgsqlParameter("departmentName", d.Select(t => t.DepartmentName).ToArray()),
        new NpgsqlParameter("item", d.Select(t => t.ItemCode).ToArray()), new NpgsqlParameter("itemName", d.Select(t => t.ItemName).ToArray()),
        new NpgsqlParameter("stage", d.Select(t => t.StageNo).ToArray()), new NpgsqlParameter("flow", d.Select(t => t.FlowType).ToArray()),
        new NpgsqlParameter("days", d.Select(t => t.UsedWorkingDays).ToArray()), new NpgsqlParameter("accepted", d.Select(t => t.Accepted).ToArray()),
        new NpgsqlParameter("concluded", d.Select(t => t.Concluded).ToArray()), new NpgsqlParameter("onTime", d.Select(t => t.ConcludedOnTime).ToArray()),
        new NpgsqlParameter("overdue", d.Select(t => t.Overdue).ToArray()),
        new NpgsqlParameter("correctionDays", d.Select(t => t.CorrectionWorkingDays).ToArray()),
        new NpgsqlParameter("specialDays", d.Select(t => t.SpecialWorkingDays).ToArray()),
        new NpgsqlParameter("corrections", d.Select(t => t.CorrectionCount).ToArray()),
    ];

    /// <summary>
    /// The totals computed again from the clocks, replacing what the table holds: for clocks written without a save of the
    /// context (the bench's generator, a test's), and what a test compares the kept totals with.
    /// </summary>
    public const string RebuildSql = $"""
        DELETE FROM figure_totals;
        INSERT INTO figure_totals ("RegionCode", "Month", "DepartmentCode", "DepartmentName", "ItemCode", "ItemName", "StageNo",
          "FlowType", "UsedWorkingDays", "Accepted", "Concluded", "ConcludedOnTime", "Overdue", "CorrectionWorkingDays",
          "SpecialWorkingDays", "CorrectionCount")
        {SumsSql};
        """;

    /// <summary>The totals' rows as the clocks give them (the body of <see cref="RebuildSql"/>).</summary>
    public const string SumsSql = """
        SELECT "RegionCode", date_trunc('month', "AcceptedDate")::date, "DepartmentCode", "DepartmentName", "ItemCode", "ItemName",
          "StageNo", coalesce("FlowType", ''), "UsedWorkingDays", count(*)::int, count("ConcludedAt")::int,
          (count(*) FILTER (WHERE "ConcludedAt" IS NOT NULL AND "State" <> 2))::int, (count(*) FILTER (WHERE "State" = 2))::int,
          sum("CorrectionWorkingDays")::int, sum("SpecialWorkingDays")::int, sum("CorrectionCount")::int
        FROM item_clocks
        GROUP BY "RegionCode", date_trunc('month', "AcceptedDate")::date, "DepartmentCode", "DepartmentName", "ItemCode", "ItemName",
          "StageNo", coalesce("FlowType", ''), "UsedWorkingDays"
        """;
}

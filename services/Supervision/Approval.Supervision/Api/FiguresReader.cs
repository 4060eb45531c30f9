using Approval.Supervision.Data;
using Approval.Supervision.Domain;
using Npgsql;

namespace Approval.Supervision.Api;

/// <summary>
/// The dashboard's main query (看板主查询): sums per group and working days used, added up here
/// (<see cref="FigureCounts.Merge"/>) — one round trip whatever the number of item instances (measured by ./approval bench).
/// A period's whole months are read from the monthly totals (figure_totals, kept by every save of the clocks), its partial
/// months and a project's figures from the item clocks.
/// </summary>
public sealed class FiguresReader(SupervisionDbContext db)
{
    public async Task<IReadOnlyList<FigureRow>> ReadAsync(FigureFilter f, CancellationToken ct)
    {
        var (key, name) = Grouping(f.GroupBy);
        var split = PeriodSplit.Of(f.From, f.To, byMonth: f.ProjectCode is null);
        var parameters = new List<NpgsqlParameter> { new("region", f.RegionCode) };
        var where = "\"RegionCode\" = @region";
        void And(string column, string parameter, object? value)
        {
            if (value is null) return;
            where += $" AND \"{column}\" = @{parameter}";
            parameters.Add(new NpgsqlParameter(parameter, value));
        }
        And("DepartmentCode", "department", f.DepartmentCode);
        And("ItemCode", "item", f.ItemCode);
        And("StageNo", "stage", f.StageNo);
        And("FlowType", "flow", f.FlowType);
        var totalsWhere = where;
        And("ProjectCode", "project", f.ProjectCode);
        string Between(string column, string name, DateRange range)
        {
            parameters.Add(new NpgsqlParameter(name + "From", range.From));
            parameters.Add(new NpgsqlParameter(name + "To", range.To));
            return $"\"{column}\" BETWEEN @{name}From AND @{name}To";
        }
        // The parts of the period (PeriodSplit) that hold days: the clocks' before and after the whole months, the totals' months.
        var clockDays = new[] { (Name: "head", Range: split.Head), (Name: "tail", Range: split.Tail) }
            .Where(p => !p.Range.IsEmpty).Select(p => Between("AcceptedDate", p.Name, p.Range)).ToList();
        var parts = new List<string>();
        const string done = "\"ConcludedAt\" IS NOT NULL";
        // Sums per (group, working days used), one pass the database runs in parallel; FigureCounts.Merge adds them up and
        // takes the average and the P90 from the histogram (percentile_cont sorted every item instance of the period).
        if (clockDays.Count > 0)
            parts.Add($"""
                SELECT {key} AS "Key", {name} AS "Name", "UsedWorkingDays" AS "Days", count(*)::int AS "Accepted",
                  count("ConcludedAt")::int AS "Concluded",
                  (count(*) FILTER (WHERE {done} AND "State" <> 2))::int AS "ConcludedOnTime",
                  (count(*) FILTER (WHERE "State" = 2))::int AS "Overdue",
                  coalesce(sum("CorrectionWorkingDays"), 0)::int AS "CorrectionWorkingDays",
                  coalesce(sum("SpecialWorkingDays"), 0)::int AS "SpecialWorkingDays",
                  coalesce(sum("CorrectionCount"), 0)::int AS "CorrectionCount"
                FROM item_clocks WHERE {where} AND ({string.Join(" OR ", clockDays)}) GROUP BY {key}, "UsedWorkingDays"
                """);
        if (!split.Months.IsEmpty)
            parts.Add($"""
                SELECT {key} AS "Key", {name} AS "Name", "UsedWorkingDays" AS "Days", sum("Accepted")::int AS "Accepted",
                  sum("Concluded")::int AS "Concluded", sum("ConcludedOnTime")::int AS "ConcludedOnTime", sum("Overdue")::int AS "Overdue",
                  sum("CorrectionWorkingDays")::int AS "CorrectionWorkingDays", sum("SpecialWorkingDays")::int AS "SpecialWorkingDays",
                  sum("CorrectionCount")::int AS "CorrectionCount"
                FROM figure_totals WHERE {totalsWhere} AND {Between("Month", "month", split.Months)} AND "Accepted" > 0
                GROUP BY {key}, "UsedWorkingDays"
                """);
        var sql = string.Join("\nUNION ALL\n", parts) + "\nORDER BY 1, 3";
        var days = await db.Database.SqlQueryRaw<FigureDays>(sql, [.. parameters]).ToListAsync(ct);
        return FigureCounts.Merge(days).Select(FigureRow.Of).ToList();
    }

    /// <summary>A grouping's SQL: the key column and the aggregate naming the group.</summary>
    public static (string Key, string Name) Grouping(FigureGrouping by) => by switch
    {
        FigureGrouping.Item => ("\"ItemCode\"", "max(\"ItemName\")"),
        FigureGrouping.Stage => ("\"StageNo\"::text", "'第' || max(\"StageNo\") || '阶段'"),
        FigureGrouping.FlowType => ("coalesce(\"FlowType\", '')", "coalesce(max(nullif(\"FlowType\", '')), '未选择')"),
        _ => ("\"DepartmentCode\"", "max(\"DepartmentName\")"),
    };

    /// <summary>The window's side of the period: applications received (接件), accepted (受理) and refused (不受理/不予受理).</summary>
    public async Task<IntakeFigures> IntakeAsync(FigureFilter f, CancellationToken ct)
    {
        var inPeriod = db.Applications.AsNoTracking()
            .Where(a => a.RegionCode == f.RegionCode && a.ReceivedDate >= f.From && a.ReceivedDate <= f.To);
        return new IntakeFigures(await inPeriod.CountAsync(ct), await inPeriod.CountAsync(a => a.AcceptedAt != null, ct),
            await inPeriod.CountAsync(a => a.RefusedAt != null, ct));
    }
}

public sealed record IntakeFigures(int Received, int Accepted, int Refused);

using Approval.Supervision.Data;
using Approval.Supervision.Domain;
using Npgsql;

namespace Approval.Supervision.Api;

/// <summary>
/// The dashboard's main query (看板主查询): one GROUP BY over the item clocks of a region's period, by group and working
/// days used, added up here (<see cref="FigureCounts.Merge"/>) — one round trip whatever the number of item instances
/// (measured by ./approval bench).
/// </summary>
public sealed class FiguresReader(SupervisionDbContext db)
{
    public async Task<IReadOnlyList<FigureRow>> ReadAsync(FigureFilter f, CancellationToken ct)
    {
        var (key, name) = Grouping(f.GroupBy);
        var parameters = new List<NpgsqlParameter> { new("region", f.RegionCode), new("from", f.From), new("to", f.To) };
        var where = "\"RegionCode\" = @region AND \"AcceptedDate\" BETWEEN @from AND @to";
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
        And("ProjectCode", "project", f.ProjectCode);
        const string done = "\"ConcludedAt\" IS NOT NULL";
        // Sums per (group, working days used), one pass the database runs in parallel; FigureCounts.Merge adds them up and
        // takes the average and the P90 from the histogram (percentile_cont sorted every item instance of the period).
        var sql = $"""
            SELECT {key} AS "Key", {name} AS "Name", "UsedWorkingDays" AS "Days", count(*)::int AS "Accepted",
              count("ConcludedAt")::int AS "Concluded",
              (count(*) FILTER (WHERE {done} AND "State" <> 2))::int AS "ConcludedOnTime",
              (count(*) FILTER (WHERE "State" = 2))::int AS "Overdue",
              coalesce(sum("CorrectionWorkingDays"), 0)::int AS "CorrectionWorkingDays",
              coalesce(sum("SpecialWorkingDays"), 0)::int AS "SpecialWorkingDays",
              coalesce(sum("CorrectionCount"), 0)::int AS "CorrectionCount"
            FROM item_clocks WHERE {where} GROUP BY {key}, "UsedWorkingDays" ORDER BY {key}, "UsedWorkingDays"
            """;
        var days = await db.Database.SqlQueryRaw<FigureDays>(sql, [.. parameters]).ToListAsync(ct);
        return FigureCounts.Merge(days).Select(FigureRow.Of).ToList();
    }

    /// <summary>A grouping's SQL: the key column and the aggregate naming the group.</summary>
    public static (string Key, string Name) Grouping(FigureGrouping by) => by switch
    {
        FigureGrouping.Item => ("\"ItemCode\"", "max(\"ItemName\")"),
        FigureGrouping.Stage => ("\"StageNo\"::text", "'第' || max(\"StageNo\") || '阶段'"),
        FigureGrouping.FlowType => ("coalesce(\"FlowType\", '')", "coalesce(max(\"FlowType\"), '未选择')"),
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

using Approval.Supervision.Api;
using Approval.Supervision.Data;
using Approval.Supervision.Domain;
using Microsoft.EntityFrameworkCore;

namespace Approval.Integration.Tests;

/// <summary>
/// The dashboard's figures (<see cref="FiguresReader"/>) on a migrated supervision database with random item clocks and
/// their monthly totals: for every grouping, filter and period (whole months, partial ones, a project's) they equal what
/// PostgreSQL's own percentile_cont and avg give over the same clocks (the query as it was before issue 22 moved the average
/// and the P90 into <see cref="FigureCounts.Merge"/> and the whole months into figure_totals).
/// </summary>
public sealed class FiguresReaderTests : IAsyncLifetime
{
    private readonly FreshDatabase<SupervisionDbContext> database = new("figures");

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        await using var db = database.NewContext();
        await db.Database.ExecuteSqlRawAsync(Generator);
        await db.Database.ExecuteSqlRawAsync(FigureTotals.RebuildSql); // the generator writes the clocks without the context's saves
    }

    public Task DisposeAsync() => database.DisposeAsync();

    public static TheoryData<FigureGrouping, string?, string?, string, string> Filters => new()
    {
        // Whole months: the monthly totals alone.
        { FigureGrouping.Department, null, null, "2026-02-01", "2026-11-30" }, { FigureGrouping.Item, null, null, "2026-02-01", "2026-11-30" },
        { FigureGrouping.Stage, null, null, "2026-02-01", "2026-11-30" }, { FigureGrouping.FlowType, null, null, "2026-02-01", "2026-11-30" },
        { FigureGrouping.Item, "D1", null, "2026-02-01", "2026-11-30" },
        // Partial months at either end or both, none whole, the whole year; a project's figures from the clocks alone.
        { FigureGrouping.Department, null, null, "2026-02-14", "2026-11-03" }, { FigureGrouping.FlowType, null, null, "2026-03-31", "2026-06-01" },
        { FigureGrouping.Item, "D2", null, "2026-05-02", "2026-05-30" }, { FigureGrouping.Stage, null, null, "2026-01-01", "2026-12-31" },
        { FigureGrouping.Department, null, "P2", "2026-02-01", "2026-11-30" }, { FigureGrouping.FlowType, "D3", "P0", "2026-02-14", "2026-11-03" },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task The_figures_equal_the_databases_own_average_and_percentile(FigureGrouping grouping, string? department, string? project,
        string from, string to)
    {
        var filter = new FigureFilter("320193", grouping, DateOnly.Parse(from), DateOnly.Parse(to), department, null, null, null, project);
        await using var db = database.NewContext();

        var figures = await new FiguresReader(db).ReadAsync(filter, CancellationToken.None);
        var reference = await ReferenceAsync(db, filter);

        Assert.NotEmpty(reference);
        Assert.Equal(reference, figures);
    }

    /// <summary>The figures by the database alone: one group a row, avg and percentile_cont(0.9) over the concluded ones.</summary>
    private static async Task<List<FigureRow>> ReferenceAsync(SupervisionDbContext db, FigureFilter f)
    {
        var (key, name) = FiguresReader.Grouping(f.GroupBy); // the groups themselves are not what this compares
        var where = $"\"RegionCode\" = '{f.RegionCode}' AND \"AcceptedDate\" BETWEEN '{f.From:yyyy-MM-dd}' AND '{f.To:yyyy-MM-dd}'"
            + (f.DepartmentCode is { } d ? $" AND \"DepartmentCode\" = '{d}'" : "") + (f.ProjectCode is { } p ? $" AND \"ProjectCode\" = '{p}'" : "");
        const string done = "\"ConcludedAt\" IS NOT NULL";
        var sql = $"""
            SELECT {key} AS "Key", {name} AS "Name", count(*)::int AS "Accepted", count("ConcludedAt")::int AS "Concluded",
              (count(*) FILTER (WHERE {done} AND "State" <> 2))::int AS "ConcludedOnTime",
              (count(*) FILTER (WHERE "State" = 2))::int AS "Overdue",
              coalesce(avg("UsedWorkingDays") FILTER (WHERE {done}), 0)::float8 AS "AverageWorkingDays",
              coalesce(percentile_cont(0.9) WITHIN GROUP (ORDER BY "UsedWorkingDays") FILTER (WHERE {done}), 0)::float8 AS "P90WorkingDays",
              coalesce(sum("CorrectionWorkingDays"), 0)::int AS "CorrectionWorkingDays",
              coalesce(sum("SpecialWorkingDays"), 0)::int AS "SpecialWorkingDays",
              coalesce(sum("CorrectionCount"), 0)::int AS "CorrectionCount"
            FROM item_clocks WHERE {where} GROUP BY {key} ORDER BY {key}
            """;
        var counts = await db.Database.SqlQueryRaw<FigureCounts>(sql).ToListAsync(); // the filter's values are the test's own
        return counts.Select(FigureRow.Of).ToList();
    }

    /// <summary>3,000 clocks of two regions over 2026 (some outside the period), random days, states, pauses and flows.</summary>
    internal const string Generator = """
        SELECT setseed(0.22);
        INSERT INTO item_clocks ("Id", "ApplicationId", "RegionCode", "ProjectCode", "ProjectName", "ItemCode", "ItemName",
          "DepartmentCode", "DepartmentName", "StageNo", "FlowType", "LimitWorkingDays", "AcceptedAt", "AcceptedDate", "StartedAt",
          "ConcludedAt", "Approved", "StatusCode", "Pauses", "CorrectionCount", "SpecialProcedureCount", "UsedWorkingDays",
          "CorrectionWorkingDays", "SpecialWorkingDays", "Deadline", "State", "WarnedLevel")
        SELECT gen_random_uuid(), gen_random_uuid(), CASE WHEN r1 < 0.9 THEN '320193' ELSE '320194' END, 'P' || (n % 3), '项目', 'I' || (n % 7),
          '事项' || (n % 7), 'D' || (n % 5), '部门' || (n % 5), 1 + n % 4, CASE WHEN n % 4 = 0 THEN NULL ELSE '类型' || (n % 3) END, 20,
          at, at::date, at, CASE WHEN r2 < 0.75 THEN at + interval '3 days' END, CASE WHEN r2 < 0.75 THEN r3 < 0.9 END,
          CASE WHEN r2 < 0.75 THEN 11 ELSE 8 END, '[]', floor(r3 * 3)::int, floor(r1 * 2)::int, floor(r4 * 31)::int,
          floor(r3 * 4)::int, floor(r1 * 5)::int, at::date + 28, floor(r5 * 3)::int, 0
        FROM (SELECT n, random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5,
                     timestamptz '2026-01-01 09:00+08' + make_interval(mins => floor(random() * 525000)::int) AS at
              FROM generate_series(1, 3000) AS n) g;
        """;
}

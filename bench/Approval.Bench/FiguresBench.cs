using System.Diagnostics;
using Approval.Supervision.Api;
using Approval.Supervision.Data;
using Approval.Supervision.Domain;
using Microsoft.EntityFrameworkCore;

namespace Approval.Bench;

/// <summary>
/// The supervision dashboard's main query (figures per department over a year, a year cut mid-month, the last 30 days) on a read model of <c>count</c> item
/// clocks: a generator fills approval_supervision's item_clocks in the database (generate_series: 12 departments, 40
/// items, a year of acceptances, ~80 % concluded, some late), and their monthly totals, then the query runs as the API runs it; p50/p99 printed.
/// </summary>
public static class FiguresBench
{
    public static async Task<int> RunAsync(string connectionString, int count, int runs = 30)
    {
        await using var db = new SupervisionDbContext(new DbContextOptionsBuilder<SupervisionDbContext>().UseNpgsql(connectionString).Options);
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        var existing = await db.Items.CountAsync(i => i.RegionCode == "320193" && i.ProjectCode == "BENCH");
        var watch = Stopwatch.StartNew();
        if (existing < count)
        {
            await db.Database.ExecuteSqlRawAsync(Generator, count - existing);
            await db.Database.ExecuteSqlRawAsync(FigureTotals.RebuildSql); // the generator writes the clocks without the service's saves
        }
        // What autovacuum does after a million inserts, done before the timing instead of during it (it vacuumed the fresh
        // rows while the first periods were timed: pg_stat_user_tables.last_autovacuum fell inside the run).
        await db.Database.ExecuteSqlRawAsync("VACUUM (ANALYZE) item_clocks");
        await db.Database.ExecuteSqlRawAsync("VACUUM (ANALYZE) figure_totals");
        Console.WriteLine($"SUPERVISION FIGURES: {count} item instances in the read model (generated {count - Math.Min(existing, count)} in {watch.Elapsed.TotalSeconds:0.0}s)");

        var reader = new FiguresReader(db);
        var end = new DateOnly(2026, 12, 31);
        (string Name, DateOnly From, DateOnly To)[] periods =
        [
            ("one year", end.AddDays(-365), end),                                          // whole months: the monthly totals
            ("one year, partial months at both ends", new DateOnly(2026, 1, 16), new DateOnly(2026, 12, 15)),
            ("the last 30 days", end.AddDays(-29), end),                                   // no whole month: the clocks alone
        ];
        foreach (var (name, from, to) in periods)
        {
            var filter = new FigureFilter("320193", FigureGrouping.Department, from, to, null, null, null, null);
            var latencies = new List<double>();
            for (var run = -3; run < runs; run++)
            {
                watch.Restart();
                var rows = await reader.ReadAsync(filter, CancellationToken.None);
                if (run >= 0) latencies.Add(watch.Elapsed.TotalMilliseconds);
                if (run == -3) Console.WriteLine($"  {name} ({from:yyyy-MM-dd}..{to:yyyy-MM-dd}): {rows.Count} departments, {rows.Sum(r => r.Accepted)} item instances");
            }
            var sorted = latencies.Order().ToArray();
            Console.WriteLine($"  figures by department, {name}: runs {sorted.Length}, p50 {Latencies.Percentile(sorted, 0.5):0.0} ms, p99 {Latencies.Percentile(sorted, 0.99):0.0} ms (goal p99 < 100 ms)");
        }
        return 0;
    }

    private const string Generator = """
        INSERT INTO item_clocks ("Id", "ApplicationId", "RegionCode", "ProjectCode", "ProjectName", "ItemCode", "ItemName",
          "DepartmentCode", "DepartmentName", "StageNo", "FlowType", "LimitWorkingDays", "AcceptedAt", "AcceptedDate", "StartedAt",
          "ConcludedAt", "Approved", "StatusCode", "Pauses", "CorrectionCount", "SpecialProcedureCount", "UsedWorkingDays",
          "CorrectionWorkingDays", "SpecialWorkingDays", "Deadline", "State", "WarnedLevel")
        SELECT gen_random_uuid(), gen_random_uuid(), '320193', 'BENCH', '基准项目', 'ITEM' || (n % 40), '基准事项' || (n % 40),
          'D' || (n % 12), '基准部门' || (n % 12), 1 + n % 4, 'flow' || (n % 3), 20, at, at::date, at,
          CASE WHEN n % 5 <> 0 THEN at + make_interval(days => n % 30) END, CASE WHEN n % 5 <> 0 THEN n % 7 <> 0 END,
          CASE WHEN n % 5 <> 0 THEN 11 ELSE 8 END, '[]', n % 3, n % 4, n % 25, n % 3, n % 4, at::date + 28,
          CASE WHEN n % 25 > 20 THEN 2 WHEN n % 25 > 16 THEN 1 ELSE 0 END, 0
        FROM (SELECT n, timestamptz '2026-01-01 09:00+08' + make_interval(mins => (n * 37) % 525600) AS at
              FROM generate_series(1, {0}) AS n) g
        """;
}

using System.Diagnostics;
using Approval.Intake.Api;
using Approval.Intake.Data;
using Microsoft.EntityFrameworkCore;

namespace Approval.Bench;

/// <summary>
/// An application's timeline (办理进度) read as the progress endpoint reads it (<see cref="ApplicationTimeline"/>), with
/// <c>count</c> item lines stored: a generator fills approval_intake's progress_entries (generate_series: four items per
/// application, a line per item — 1 M lines by default), then the read runs for random applications among them; p50/p99.
/// </summary>
public static class TimelineBench
{
    private const int ItemsPerApplication = 4;

    public static async Task<int> RunAsync(string connectionString, int count, int runs = 200)
    {
        await using var db = new IntakeDbContext(new DbContextOptionsBuilder<IntakeDbContext>().UseNpgsql(connectionString).Options);
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        await db.Database.MigrateAsync();  // nothing to do after a load (Intake migrated it); a bare server gets the schema
        var watch = Stopwatch.StartNew();
        await db.Database.ExecuteSqlRawAsync(Generator, count, ItemsPerApplication);
        await db.Database.ExecuteSqlRawAsync("ANALYZE progress_entries");
        var applications = count / ItemsPerApplication;
        Console.WriteLine($"TIMELINE: {await db.Progress.CountAsync():N0} timeline lines stored ({count:N0} generated in {watch.Elapsed.TotalSeconds:0.0}s, {applications:N0} applications of {ItemsPerApplication} items)");

        var random = new Random(22);
        var latencies = new List<double>();
        var lines = 0;
        for (var run = -10; run < runs; run++)
        {
            var id = BenchApplication(random.Next(applications));
            watch.Restart();
            var (timeline, _) = await ApplicationTimeline.ReadAsync(db, id, CancellationToken.None);
            if (run < 0) continue;
            latencies.Add(watch.Elapsed.TotalMilliseconds);
            lines += timeline.Count;
        }
        var sorted = latencies.Order().ToArray();
        Console.WriteLine($"  one application's timeline and certificates: runs {sorted.Length} ({lines / (double)sorted.Length:0.0} lines each), p50 {Latencies.Percentile(sorted, 0.5):0.00} ms, p99 {Latencies.Percentile(sorted, 0.99):0.00} ms (goal p99 < 20 ms)");
        return lines == sorted.Length * ItemsPerApplication ? 0 : 1;
    }

    /// <summary>The generator's application ids: n as the last 12 hex digits of a fixed prefix.</summary>
    private static Guid BenchApplication(int n) => Guid.Parse($"b0000000-0000-4000-8000-{n:x12}");

    private const string Generator = """
        INSERT INTO progress_entries ("ApplicationId", "ItemInstanceId", "ItemCode", "Subject", "StatusCode", "StatusName", "Actor",
          "Organisation", "Opinion", "OccurredAt")
        SELECT ('b0000000-0000-4000-8000-' || lpad(to_hex(n / {1}), 12, '0'))::uuid, gen_random_uuid(), 'ITEM' || (n % {1}),
          '基准事项' || (n % {1}), 11, '办结（通过）', '基准审批人', '基准部门' || (n % 12), '准予许可',
          timestamptz '2026-01-01 09:00+08' + make_interval(mins => n)
        FROM generate_series(0, {0} - 1) AS n
        """;
}

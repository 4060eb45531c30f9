using Approval.Calendar;
using Approval.Supervision.Data;
using Approval.Supervision.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Approval.Integration.Tests;

/// <summary>
/// The figures' monthly totals (figure_totals) as the supervision context's saves keep them, on its migrated database:
/// after random item clocks are added, moved by status changes (pauses, conclusions, recalls), refreshed at later dates and
/// deleted, in many units of work — some in a transaction of the caller's, some alone — the totals equal the clocks' own
/// sums (<see cref="FigureTotals.SumsSql"/>).
/// </summary>
public sealed class FigureTotalsTests : IAsyncLifetime
{
    private static readonly WorkingCalendar Calendar = CalendarFile.Load(Path.Combine(RepoPaths.RegionPack(), "calendar.json"));
    private static readonly int[] Codes = [6, 7, 8, 9, 10, 11, 12, 13, 14];
    private readonly FreshDatabase<SupervisionDbContext> database = new("figure_totals");

    public Task InitializeAsync() => database.InitializeAsync();

    public Task DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task The_kept_totals_equal_the_clocks_sums_after_random_changes()
    {
        var random = new Random(2212);
        var start = new DateTimeOffset(2026, 1, 5, 1, 0, 0, TimeSpan.Zero);
        for (var batch = 0; batch < 8; batch++)
        {
            await using var db = database.NewContext();
            for (var i = 0; i < 30; i++)
            {
                var accepted = start.AddHours(random.Next(0, 24 * 270));
                var item = new ItemClock
                {
                    Id = Guid.CreateVersion7(), ApplicationId = Guid.NewGuid(), RegionCode = random.Next(4) == 0 ? "320194" : "320193",
                    ProjectCode = "P" + random.Next(3), ProjectName = "项目", ItemCode = "I" + random.Next(4), ItemName = "事项" + random.Next(2),
                    DepartmentCode = "D" + random.Next(3), DepartmentName = "部门", StageNo = 1 + random.Next(4),
                    FlowType = random.Next(3) == 0 ? null : "类型" + random.Next(2), LimitWorkingDays = random.Next(3) == 0 ? 0 : 3 + random.Next(15),
                    AcceptedAt = accepted, AcceptedDate = DateOnly.FromDateTime(accepted.ToOffset(TimeSpan.FromHours(8)).DateTime),
                };
                item.Refresh(Calendar, WarningThreshold.Default, accepted.AddDays(random.Next(3)));
                db.Items.Add(item);
            }
            await db.SaveChangesAsync();
        }

        for (var round = 0; round < 30; round++)
        {
            await using var db = database.NewContext();
            await using var tx = round % 2 == 0 ? await db.Database.BeginTransactionAsync() : null;
            var clocks = await db.Items.OrderBy(i => i.Id).Skip(random.Next(200)).Take(1 + random.Next(25)).ToListAsync();
            foreach (var item in clocks)
            {
                var at = item.AcceptedAt.AddHours(random.Next(1, 24 * 50));
                if (random.Next(40) == 0) { db.Items.Remove(item); continue; }
                item.Apply(Codes[random.Next(Codes.Length)], at, "审批员", null);
                item.Refresh(Calendar, WarningThreshold.Default, at.AddDays(random.Next(5)));
            }
            await db.SaveChangesAsync();
            if (tx is not null) await tx.CommitAsync();
        }

        await using var check = database.NewContext();
        await AssertTotalsEqualSumsAsync(check);
    }

    [Fact]
    public async Task The_migration_that_adds_the_totals_sums_the_clocks_stored_before_it()
    {
        var old = new FreshDatabase<SupervisionDbContext>("figure_totals_migration");
        try
        {
            await using var db = old.NewContext();
            var migrator = db.GetService<IMigrator>();
            var migrations = db.Database.GetMigrations().ToList();
            var adding = migrations.Single(m => m.EndsWith("_FigureTotals", StringComparison.Ordinal));
            await migrator.MigrateAsync(migrations[migrations.IndexOf(adding) - 1]);
            await db.Database.ExecuteSqlRawAsync(FiguresReaderTests.Generator);

            await migrator.MigrateAsync();

            await AssertTotalsEqualSumsAsync(db);
        }
        finally
        {
            await old.DisposeAsync();
        }
    }

    private static async Task AssertTotalsEqualSumsAsync(SupervisionDbContext check)
    {
        var kept = await check.Database.SqlQueryRaw<string>("""SELECT t::text AS "Value" FROM figure_totals t WHERE "Accepted" > 0 ORDER BY 1""").ToListAsync();
        var sumsSql = $"""SELECT s::text AS "Value" FROM ({FigureTotals.SumsSql}) s ORDER BY 1""";
        var sums = await check.Database.SqlQueryRaw<string>(sumsSql).ToListAsync();
        Assert.True(sums.Count > 50, $"only {sums.Count} rows of sums: the changes reached too few keys to compare");
        Assert.Equal(sums, kept);
        // A row the changes emptied is all zeros (never a negative or a lone count).
        Assert.Equal(0, await check.Database.SqlQueryRaw<int>("""
            SELECT count(*)::int AS "Value" FROM figure_totals WHERE "Accepted" <= 0 AND ("Accepted" < 0 OR "Concluded" <> 0
              OR "ConcludedOnTime" <> 0 OR "Overdue" <> 0 OR "CorrectionWorkingDays" <> 0 OR "SpecialWorkingDays" <> 0 OR "CorrectionCount" <> 0)
            """).SingleAsync());
    }
}

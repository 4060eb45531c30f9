using Approval.Contracts.Events;
using Approval.Exchange;
using Approval.Exchange.Data;
using Approval.Exchange.Domain;
using Approval.Exchange.Front;
using Approval.Exchange.Jobs;
using Approval.ServiceDefaults.Region;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Approval.Integration.Tests;

/// <summary>
/// The sender on real databases (issue 20): the exchange's own and a front database (前置库) of the test's own. An invalid
/// project (planned end before start) is rejected with its reason and so are its item instance and detail; corrected, all
/// three are sent in order. A replay adds nothing; a row the province marks failed waits for a correction and is re-sent;
/// the front database down leaves the rows waiting with the error kept; a backfill into an emptied front database gives
/// the same rows.
/// </summary>
public sealed class ExchangeRoundTests
{
    private const string Region = "320193";
    private static readonly DateTimeOffset Now = new(2026, 10, 9, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly DeploymentRegion DemoRegion = new(Region, "示范区", []);

    [Fact]
    public async Task Invalid_rows_wait_with_their_reason_and_go_in_order_once_corrected_never_twice()
    {
        var database = new FreshDatabase<ExchangeDbContext>("exchange_round");
        var frontName = $"approval_front_test_{Guid.NewGuid():N}";
        var front = new FrontDatabase(new FrontConnection(new NpgsqlConnectionStringBuilder(TestServers.Postgres) { Database = frontName }.ConnectionString),
            NullLogger<FrontDatabase>.Instance);
        await database.InitializeAsync();
        try
        {
            var instance = Guid.NewGuid();
            var project = ProjectWith(new DateOnly(2027, 5, 1), new DateOnly(2026, 12, 31));   // planned end before start
            var engineering = Engineering();
            await StageAsync(database, RowBuilder.Project(project, engineering, 1), CaseRows(instance, engineering.Code));

            var first = await RoundAsync(database, front);
            Assert.Equal((0, 3, null), (first.Sent, first.Rejected, first.Error));
            var rows = await RowsAsync(database);
            Assert.All(rows, r => Assert.Equal(RowState.Rejected, r.State));
            Assert.Contains("拟开工时间（NKGSJ 2027-05-01）应早于拟建成时间（NJCSJ 2026-12-31）", rows.Single(r => r.Table == "SPGL_XMJBXXB").Reason);
            Assert.StartsWith("工程代码在项目基本信息表无对应项目", rows.Single(r => r.Table == "SPGL_XMSPSXBLXXB").Reason);
            Assert.StartsWith("审批事项实例编码在项目审批事项办理信息表中无对应", rows.Single(r => r.Table == "SPGL_XMSPSXBLXXXXB").Reason);
            Assert.Equal(0, await FrontRowsAsync(front, "SPGL_XMJBXXB"));   // nothing invalid reaches the front tables

            // Corrected at the source: the project goes, then its instance, then the detail (each round one level).
            (project.PlannedStart, project.PlannedEnd) = (new DateOnly(2026, 11, 1), new DateOnly(2028, 6, 30));
            await StageAsync(database, RowBuilder.Project(project, engineering, 1));
            await UntilNothingPendingAsync(database, front);
            Assert.All(await RowsAsync(database), r => Assert.Equal(RowState.Sent, r.State));
            Assert.Equal((1, 1, 1), (await FrontRowsAsync(front, "SPGL_XMJBXXB"), await FrontRowsAsync(front, "SPGL_XMSPSXBLXXB"),
                await FrontRowsAsync(front, "SPGL_XMSPSXBLXXXXB")));

            // A replay of the same source stages nothing and sends nothing.
            await StageAsync(database, RowBuilder.Project(project, engineering, 1), CaseRows(instance, engineering.Code));
            Assert.Equal(0, (await RoundAsync(database, front)).Sent);
            Assert.Equal(1, await FrontRowsAsync(front, "SPGL_XMJBXXB"));

            // The province marks the project failed: kept failed with its reason until the source is corrected, then re-sent.
            await FrontSqlAsync(front, frontName, """UPDATE "SPGL_XMJBXXB" SET "SJSCZT" = 2, "SBYY" = '项目名称与审批监管平台不一致'""");
            await RoundAsync(database, front);
            var failed = (await RowsAsync(database)).Single(r => r.Table == "SPGL_XMJBXXB");
            Assert.Equal((RowState.Failed, "项目名称与审批监管平台不一致"), (failed.State, failed.Reason));
            project.Name = "示范综合楼（一期）";
            await StageAsync(database, RowBuilder.Project(project, engineering, 1));
            await UntilNothingPendingAsync(database, front);
            Assert.Equal(RowState.Sent, (await RowsAsync(database)).Single(r => r.Table == "SPGL_XMJBXXB").State);
            Assert.Equal("0|示范综合楼（一期）|1", await FrontScalarAsync(frontName,
                """SELECT "SJSCZT" || '|' || "XMMC" || '|' || count(*) OVER () FROM "SPGL_XMJBXXB" WHERE "SBYY" IS NULL"""));

            // The front database down: nothing sent, nothing lost, the error kept for the report.
            var down = new FrontDatabase(new FrontConnection("Host=127.0.0.1;Port=1;Database=nowhere;Username=x;Password=x;Timeout=2"), NullLogger<FrontDatabase>.Instance);
            project.Address = "示范区建设路2号";
            await StageAsync(database, RowBuilder.Project(project, engineering, 1));
            var outage = await RoundAsync(database, down);
            Assert.StartsWith("前置库不可用", outage.Error);
            Assert.Equal(RowState.Pending, (await RowsAsync(database)).Single(r => r.Table == "SPGL_XMJBXXB").State);
            await using (var db = database.NewContext()) Assert.StartsWith("前置库不可用", (await db.Runs.SingleAsync()).Error);
            await UntilNothingPendingAsync(database, front);

            // Backfill into an emptied front database: the same rows again.
            var before = await SnapshotAsync(frontName);
            await FrontSqlAsync(front, frontName, string.Join(";", SpglTables.All.Select(t => $"DROP TABLE \"{t.Name}\"")));
            await using (var db = database.NewContext()) await db.Rows.ExecuteUpdateAsync(u => u.SetProperty(r => r.State, RowState.Pending));
            await UntilNothingPendingAsync(database, front);
            Assert.Equal(before, await SnapshotAsync(frontName));
        }
        finally
        {
            await front.DisposeAsync();
            await database.DisposeAsync();
            await DropAsync(frontName);
        }
    }

    private static ProjectRecord ProjectWith(DateOnly start, DateOnly end) => new()
    {
        Code = "2509-320193-89-01-544060", RegionCode = Region, Name = "示范综合楼", Address = "示范区建设路1号", DivisionCode = Region,
        Longitude = 118.8m, Latitude = 32.0m, TotalInvestment = 12000m, ProjectType = 1, ConstructionNature = 1, PlannedStart = start, PlannedEnd = end,
        RegisteredAt = Now, OwnerName = "示范建设有限公司",
    };

    private static EngineeringRecord Engineering() => new()
    {
        Code = "2509-320193-89-01-544060-01", ProjectCode = "2509-320193-89-01-544060", RegionCode = Region, Name = "一期", PhaseNo = 1, IssuedAt = Now,
    };

    private static RowValues[] CaseRows(Guid instance, string engineeringCode)
    {
        var record = new CaseRecord { ApplicationId = Guid.NewGuid(), RegionCode = Region, ProjectCode = "2509-320193-89-01-544060", Channel = "online" };
        var item = new CaseItem("320193-ZJ-SG-001", 1, "ZJJ", "住建局", 5);
        record.Items.Add(item);
        var accepted = new ItemInstanceStatusChanged(instance, record.ApplicationId, item.ItemCode, "施工许可证核发", 3, "已受理", "综合窗口", "综合窗口", null, Now);
        return [RowBuilder.ItemInstance(record, item, instance, engineeringCode), RowBuilder.Detail(accepted, engineeringCode)];
    }

    private static async Task StageAsync(FreshDatabase<ExchangeDbContext> database, RowValues row, params RowValues[] more)
    {
        await using var db = database.NewContext();
        foreach (var r in more.Prepend(row)) await db.StageAsync(r, Region, Now, default);
        await db.SaveChangesAsync();
    }

    private static async Task<RoundResult> RoundAsync(FreshDatabase<ExchangeDbContext> database, FrontDatabase front)
    {
        await using var db = database.NewContext();
        return await new ExchangeRound(db, front, DemoRegion, TimeProvider.System, Options.Create(new ExchangeOptions()), NullLogger<ExchangeRound>.Instance)
            .RunAsync(default);
    }

    /// <summary>Rounds until no row is pending (each round sends one more level of parents and children); at most ten.</summary>
    private static async Task UntilNothingPendingAsync(FreshDatabase<ExchangeDbContext> database, FrontDatabase front)
    {
        for (var i = 0; i < 10; i++)
        {
            var result = await RoundAsync(database, front);
            Assert.Null(result.Error);
            await using var db = database.NewContext();
            if (!await db.Rows.AnyAsync(r => r.State == RowState.Pending)) return;
        }
        Assert.Fail("rows still pending after ten rounds");
    }

    private static async Task<List<ExchangeRow>> RowsAsync(FreshDatabase<ExchangeDbContext> database)
    {
        await using var db = database.NewContext();
        return await db.Rows.AsNoTracking().ToListAsync();
    }

    private static async Task<long> FrontRowsAsync(FrontDatabase front, string table) =>
        (await front.CountsAsync(Region, default)).Single(c => c.Table == table).Valid;

    private static async Task FrontSqlAsync(FrontDatabase front, string database, string sql)
    {
        await front.EnsureSchemaAsync(default);
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(TestServers.Postgres) { Database = database }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string?> FrontScalarAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(TestServers.Postgres) { Database = database }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (await command.ExecuteScalarAsync())?.ToString();
    }

    /// <summary>Every front row of every table as text, without the columns a re-send changes (serial, times).</summary>
    private static async Task<string> SnapshotAsync(string database)
    {
        var lines = new List<string>();
        foreach (var t in SpglTables.All)
        {
            var columns = string.Join(" || '|' || ", t.Columns.Select(c => $"coalesce(\"{c.Name}\"::text, '')")
                .Concat(["\"DFSJZJ\"", "\"XZQHDM\"", "\"SJYXBS\"::text", "\"SJSCZT\"::text"]));
            lines.Add($"{t.Name}: " + await FrontScalarAsync(database, $"SELECT string_agg({columns}, E'\\n' ORDER BY \"DFSJZJ\") FROM \"{t.Name}\""));
        }
        return string.Join("\n", lines);
    }

    private static async Task DropAsync(string database)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(TestServers.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}

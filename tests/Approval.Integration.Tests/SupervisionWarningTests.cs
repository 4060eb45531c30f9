using Approval.Calendar;
using Approval.ServiceDefaults.Audit;
using Approval.Supervision.Data;
using Approval.Supervision.Domain;
using Approval.Supervision.Jobs;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Approval.Integration.Tests;

/// <summary>
/// Supervision's warnings job on its migrated database (issue 19): a running clock that crosses the region's threshold
/// raises 预警 once — one notice for the handler and the department's lead, one SupervisionNoticeRaised in the outbox —
/// however often the job runs, and 逾期 once when it passes the deadline.
/// </summary>
public sealed class SupervisionWarningTests
{
    private static readonly WorkingCalendar Calendar = CalendarFile.Load(Path.Combine(RepoPaths.RegionPack(), "calendar.json"));
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    private static DateTimeOffset At(int month, int day) => new DateTimeOffset(2026, month, day, 10, 0, 0, Shanghai).ToUniversalTime();

    [Fact]
    public async Task A_clock_crossing_the_warning_threshold_notifies_the_handler_and_the_lead_once()
    {
        var database = new FreshDatabase<SupervisionDbContext>("supervision_warnings");
        await database.InitializeAsync();
        try
        {
            var clock = new ManualClock(At(9, 29));
            await using (var db = database.NewContext())
            {
                // Accepted Tue 29 Sep 2026, limit 5 working days (deadline Mon 12 Oct), started by the handler.
                var item = new ItemClock
                {
                    Id = Guid.CreateVersion7(), ApplicationId = Guid.NewGuid(), RegionCode = "320193", ProjectCode = "2509-320193-89-01-544060",
                    ProjectName = "预警测试项目", ItemCode = "320193-ZJ-SG-001", ItemName = "施工许可", DepartmentCode = "ZJJ", DepartmentName = "住建局",
                    StageNo = 3, LimitWorkingDays = 5, AcceptedAt = At(9, 29), AcceptedDate = new DateOnly(2026, 9, 29),
                };
                item.Apply(8, At(9, 30), "住建局审批员", "handler-1");
                db.Items.Add(item);
                db.Leads.Add(new DepartmentLead { UserId = "lead-1", RegionCode = "320193", DepartmentCode = "ZJJ", Name = "住建局负责人" });
                db.Leads.Add(new DepartmentLead { UserId = "lead-other", RegionCode = "320193", DepartmentCode = "CGJ", Name = "城管局负责人" });
                await db.SaveChangesAsync();
            }

            await RoundAsync(database, clock.Set(At(9, 30)));
            Assert.Empty(await NoticesAsync(database));

            await RoundAsync(database, clock.Set(At(10, 9)));   // 3 used, 2 left: 预警
            await RoundAsync(database, clock.Set(At(10, 10)));  // still 预警: nothing new
            var warned = await NoticesAsync(database);
            var warning = Assert.Single(warned);
            Assert.Equal(SupervisionNotice.Warning, warning.Kind);
            Assert.Equal(["handler-1", "lead-1"], warning.Recipients); // element-wise (a tuple compares the lists by reference)
            Assert.Equal(1, await OutboxCountAsync(database));

            await RoundAsync(database, clock.Set(At(10, 13)));  // past the deadline: 逾期, once
            await RoundAsync(database, clock.Set(At(10, 14)));
            Assert.Equal([SupervisionNotice.Warning, SupervisionNotice.Overdue], (await NoticesAsync(database)).Select(n => n.Kind));
            Assert.Equal(2, await OutboxCountAsync(database));
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    private static async Task RoundAsync(FreshDatabase<SupervisionDbContext> database, TimeProvider clock)
    {
        await using var db = database.NewContext();
        var audit = new AuditLog<SupervisionDbContext>(db, new HttpContextAccessor(), clock, new Env());
        var round = new ClockWarningRound(db, Calendar, WarningThreshold.Default, new NoticeSender(db, clock), audit, clock);
        await round.RunAsync(DateTimeOffset.MinValue, 100, CancellationToken.None);
    }

    private static async Task<List<SupervisionNotice>> NoticesAsync(FreshDatabase<SupervisionDbContext> database)
    {
        await using var db = database.NewContext();
        return await db.Notices.AsNoTracking().OrderBy(n => n.RaisedAt).ToListAsync();
    }

    private static async Task<int> OutboxCountAsync(FreshDatabase<SupervisionDbContext> database)
    {
        await using var db = database.NewContext();
        return await db.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM outbox_messages WHERE message_type LIKE '%SupervisionNoticeRaised%'").SingleAsync();
    }

    /// <summary>A clock the test sets (also RatingDeskTests).</summary>
    internal sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public ManualClock Set(DateTimeOffset at)
        {
            now = at;
            return this;
        }

        public override DateTimeOffset GetUtcNow() => now;
    }

    internal sealed class Env : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";
        public string ApplicationName { get; set; } = "Approval.Supervision";
        public string ContentRootPath { get; set; } = "";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}

using Approval.Calendar;
using Approval.Contracts.Errors;
using Approval.Messaging;
using Approval.ServiceDefaults.Audit;
using Approval.Supervision.Api;
using Approval.Supervision.Data;
using Approval.Supervision.Domain;
using Approval.Supervision.Jobs;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Approval.Integration.Tests;

/// <summary>
/// 好差评 on Supervision's migrated database (issue 19): only the rater's concluded matter is rated, once; a counter visit
/// once; a bad rating tells the unit's lead; an overdue rectification is escalated once to the lead and the region's
/// supervisor; statistics leave out a rating whose appeal was upheld.
/// </summary>
public sealed class RatingDeskTests
{
    private static readonly WorkingCalendar Calendar = CalendarFile.Load(Path.Combine(RepoPaths.RegionPack(), "calendar.json"));
    private static readonly DateTimeOffset Start = new DateTimeOffset(2026, 9, 29, 10, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime();
    private static DateTimeOffset Local(int day, int hour) => new DateTimeOffset(2026, 10, day, hour, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime();
    private static readonly Guid Concluded = Guid.NewGuid(), Running = Guid.NewGuid(), Review = Guid.NewGuid(), Visit = Guid.NewGuid(), Online = Guid.NewGuid();

    [Fact]
    public async Task Ratings_are_the_raters_once_per_matter_and_overdue_rectifications_escalate_once()
    {
        var database = new FreshDatabase<SupervisionDbContext>("supervision_ratings");
        await database.InitializeAsync();
        try
        {
            var clock = new SupervisionWarningTests.ManualClock(Start);
            await SeedAsync(database);
            Guid bad;
            await using (var db = database.NewContext())
            {
                var desk = Desk(db, clock);
                await Assert.ThrowsAsync<NotFoundException>(() => desk.RateOnlineAsync(Rating.Item, Concluded, "someone-else", "320193", 1, null, default));
                await Assert.ThrowsAsync<NotFoundException>(() => desk.RateOnlineAsync(Rating.Item, Concluded, "applicant-1", "320200", 1, null, default));
                await Assert.ThrowsAsync<NotFoundException>(() => desk.RateOnlineAsync(Rating.Item, Guid.NewGuid(), "applicant-1", "320193", 1, null, default));
                await Assert.ThrowsAsync<RatingRuleException>(() => desk.RateOnlineAsync(Rating.Item, Running, "applicant-1", "320193", 1, null, default));
                var kind = await Assert.ThrowsAsync<ValidationException>(() => desk.RateOnlineAsync(Rating.Intermediary, Concluded, "applicant-1", "320193", 1, null, default));
                Assert.True(kind.Errors.ContainsKey("kind"));
                bad = (await desk.RateOnlineAsync(Rating.Item, Concluded, "applicant-1", "320193", 5, "反复退件", default)).Id;
                var review = await desk.RateOnlineAsync(Rating.Review, Review, "applicant-1", "320193", 2, null, default);
                Assert.Equal(("TSZX", RatingTaskState.None), (review.UnitCode, review.TaskState));
                var visit = await desk.RateVisitAsync(Visit, "ZHCK", "综合窗口王五", "320193", 3, null, default);
                Assert.Equal(("applicant-1", Rating.Counter), (visit.RaterId, visit.Channel));
                await Assert.ThrowsAsync<RatingRuleException>(() => desk.RateVisitAsync(Online, "ZHCK", "综合窗口王五", "320193", 3, null, default));
                await db.SaveChangesAsync();
            }
            await using (var db = database.NewContext())
            {
                var desk = Desk(db, clock);
                await Assert.ThrowsAsync<RatingRuleException>(() => desk.RateOnlineAsync(Rating.Item, Concluded, "applicant-1", "320193", 1, null, default));
                await Assert.ThrowsAsync<RatingRuleException>(() => desk.RateVisitAsync(Visit, "ZHCK", "综合窗口王五", "320193", 1, null, default));
            }
            Assert.Equal([RatingNotices.TaskOpened], await NoticeKindsAsync(database));   // the bad one only, to the ZJJ lead

            // Called back and rectifying with a deadline of 10 working days (Mon 19 Oct); the job escalates after it, once.
            await using (var db = database.NewContext())
            {
                var rating = await db.Ratings.SingleAsync(r => r.Id == bad);
                rating.RecordCallBack("已回访，属实", true, "住建局审批员", Start);
                rating.StartRectification("一次性告知", Rating.RectificationDeadlineFrom(Calendar, Start, 10), Start);
                await db.SaveChangesAsync();
            }
            Assert.Equal(0, await RoundAsync(database, clock.Set(Local(19, 16))));
            Assert.Equal(1, await RoundAsync(database, clock.Set(Local(20, 9))));
            Assert.Equal(0, await RoundAsync(database, clock.Set(Local(21, 9))));
            Assert.Equal([RatingNotices.TaskOpened, RatingNotices.Escalated], await NoticeKindsAsync(database));
            await using (var db = database.NewContext())
            {
                var body = (await NoticeBodiesAsync(db)).Single(m => m.Contains(RatingNotices.Escalated, StringComparison.Ordinal));
                Assert.Contains("lead-zjj", body);
                Assert.Contains("supervisor-1", body);
                Assert.DoesNotContain("supervisor-other", body);

                var statistics = new RatingStatistics(db);
                var zjj = Assert.Single(await statistics.ReadAsync("320193", new DateOnly(2026, 9, 1), new DateOnly(2026, 12, 31), "ZJJ", null, default));
                Assert.Equal((1, 5.0, 1, 1, 1), (zjj.Ratings, zjj.AverageLevel, zjj.Bad, zjj.Open, zjj.Escalated));
                var rating = await db.Ratings.SingleAsync(r => r.Id == bad);
                rating.FileAppeal("恶意评价", "住建局审批员", Start);
                rating.DecideAppeal(true, "成立", "监察科赵六", Start);
                await db.SaveChangesAsync();
                zjj = Assert.Single(await statistics.ReadAsync("320193", new DateOnly(2026, 9, 1), new DateOnly(2026, 12, 31), "ZJJ", null, default));
                Assert.Equal((0, 0.0, 0, 1), (zjj.Ratings, zjj.AverageLevel, zjj.Bad, zjj.AppealsUpheld));
            }
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    private static RatingDesk Desk(SupervisionDbContext db, TimeProvider clock) => new(db, Calendar, new RatingNotices(db, clock), clock);

    private static async Task SeedAsync(FreshDatabase<SupervisionDbContext> database)
    {
        await using var db = database.NewContext();
        foreach (var (instance, done) in new[] { (Concluded, true), (Running, false) })
        {
            var item = new ItemClock
            {
                Id = Guid.CreateVersion7(), ItemInstanceId = instance, ApplicationId = Guid.NewGuid(), RegionCode = "320193", ProjectCode = "2509-320193-89-01-544060",
                ProjectName = "评价测试项目", ItemCode = "320193-ZJ-SG-001", ItemName = "施工许可", DepartmentCode = "ZJJ", DepartmentName = "住建局",
                ApplicantId = "applicant-1", StageNo = 3, LimitWorkingDays = 5, AcceptedAt = Start, AcceptedDate = new DateOnly(2026, 9, 29),
            };
            if (done) item.Apply(11, Start, "住建局审批员", "handler-1");
            db.Items.Add(item);
        }
        db.Set<ServiceClock>().Add(new ServiceClock
        {
            Id = Review, Kind = ServiceClock.Review, RegionCode = "320193", ProjectCode = "2509-320193-89-01-544060", Provider = "TSZX", Name = "施工图审查",
            OwnerId = "applicant-1", OpenedAt = Start, OpenedDate = new DateOnly(2026, 9, 29), StartedAt = Start, EndedAt = Start,
        });
        db.Applications.Add(new ApplicationRecord { ApplicationId = Visit, RegionCode = "320193", Channel = "counter", ApplicantId = "applicant-1", ReceivedAt = Start });
        db.Applications.Add(new ApplicationRecord { ApplicationId = Online, RegionCode = "320193", Channel = "online", ApplicantId = "applicant-1", ReceivedAt = Start });
        db.Leads.Add(new DepartmentLead { UserId = "lead-zjj", RegionCode = "320193", DepartmentCode = "ZJJ", Name = "住建局负责人" });
        db.Supervisors.Add(new KnownSupervisor { UserId = "supervisor-1", RegionCode = "320193", Name = "监察科赵六" });
        db.Supervisors.Add(new KnownSupervisor { UserId = "supervisor-other", RegionCode = "320200", Name = "外区督查" });
        await db.SaveChangesAsync();
    }

    private static async Task<int> RoundAsync(FreshDatabase<SupervisionDbContext> database, TimeProvider clock)
    {
        await using var db = database.NewContext();
        var audit = new AuditLog<SupervisionDbContext>(db, new HttpContextAccessor(), clock, new SupervisionWarningTests.Env());
        var before = await db.Ratings.CountAsync(r => r.EscalatedAt != null);
        await new RatingEscalationRound(db, Calendar, new RatingNotices(db, clock), audit, clock).RunAsync(100, CancellationToken.None);
        return await db.Ratings.CountAsync(r => r.EscalatedAt != null) - before;
    }

    private static async Task<List<string>> NoticeKindsAsync(FreshDatabase<SupervisionDbContext> database)
    {
        await using var db = database.NewContext();
        return (await NoticeBodiesAsync(db)).Select(m => new[] { RatingNotices.TaskOpened, RatingNotices.Escalated, RatingNotices.Answered }.First(k => m.Contains($"\"{k}\"", StringComparison.Ordinal))).ToList();
    }

    private static Task<List<string>> NoticeBodiesAsync(SupervisionDbContext db) =>
        db.Set<OutboxMessage>().Where(m => m.MessageType.Contains("SupervisionNoticeRaised")).OrderBy(m => m.Id).Select(m => m.Body).ToListAsync();
}

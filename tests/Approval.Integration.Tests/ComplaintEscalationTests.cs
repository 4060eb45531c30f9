using System.Text.Json;
using Approval.Calendar;
using Approval.Contracts.Events;
using Approval.Messaging;
using Approval.ServiceDefaults.Audit;
using Approval.Supervision.Data;
using Approval.Supervision.Domain;
using Approval.Supervision.Jobs;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Approval.Integration.Tests;

/// <summary>
/// 建议投诉's escalation job on Supervision's migrated database: an unanswered one past its deadline is escalated once —
/// one SupervisionNoticeRaised to the department's lead and the region's supervisor, however often the job runs — while
/// one still within its deadline, one answered, and another department's lead are left alone.
/// </summary>
public sealed class ComplaintEscalationTests
{
    private static readonly WorkingCalendar Calendar = CalendarFile.Load(Path.Combine(RepoPaths.RegionPack(), "calendar.json"));

    private static DateTimeOffset At(int month, int day) => new DateTimeOffset(2026, month, day, 10, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime();

    private static Complaint New(string title, DateOnly deadline) => new()
    {
        Id = Guid.CreateVersion7(), RegionCode = "320193", Kind = Complaint.ComplaintKind, DepartmentCode = "ZJJ", DepartmentName = "住建局",
        Title = title, Text = "未按时答复", SubmitterId = "applicant-1", SubmitterName = "申请人", SubmittedAt = At(12, 1),
        SubmittedDate = new DateOnly(2026, 12, 1), Deadline = deadline,
    };

    [Fact]
    public async Task An_unanswered_complaint_past_its_deadline_is_escalated_once_to_the_lead_and_the_supervisors()
    {
        var database = new FreshDatabase<SupervisionDbContext>("supervision_complaints");
        await database.InitializeAsync();
        try
        {
            var late = New("逾期未答复", new DateOnly(2026, 12, 8));
            await using (var db = database.NewContext())
            {
                var answered = New("已答复", new DateOnly(2026, 12, 8));
                answered.AnswerWith("已处理", "dept-ZJJ", "住建局", At(12, 2), new DateOnly(2026, 12, 2));
                db.Complaints.AddRange(late, answered, New("未到期", new DateOnly(2026, 12, 10)));
                db.Leads.Add(new DepartmentLead { UserId = "lead-zjj", RegionCode = "320193", DepartmentCode = "ZJJ", Name = "住建局负责人" });
                db.Leads.Add(new DepartmentLead { UserId = "lead-cgj", RegionCode = "320193", DepartmentCode = "CGJ", Name = "城管局负责人" });
                db.Supervisors.Add(new KnownSupervisor { UserId = "supervisor-1", RegionCode = "320193", Name = "监察科" });
                db.Supervisors.Add(new KnownSupervisor { UserId = "supervisor-other", RegionCode = "320200", Name = "外区监察" });
                await db.SaveChangesAsync();
            }

            Assert.Equal(0, await RoundAsync(database, At(12, 8)));   // on the deadline: still on time
            Assert.Equal(1, await RoundAsync(database, At(12, 9)));
            Assert.Equal(0, await RoundAsync(database, At(12, 10)));  // once; "未到期" is on its deadline
            Assert.Equal(1, await RoundAsync(database, At(12, 14)));  // "未到期" now past it
            Assert.Equal(0, await RoundAsync(database, At(12, 15)));
            await using var check = database.NewContext();
            var escalated = await check.Complaints.AsNoTracking().Where(c => c.EscalatedAt != null).Select(c => c.Title).ToListAsync();
            Assert.Equal(new[] { "逾期未答复", "未到期" }.Order(StringComparer.Ordinal), escalated.Order(StringComparer.Ordinal));
            var events = (await check.Set<OutboxMessage>().AsNoTracking().Where(m => m.AggregateId == late.Id.ToString()).ToListAsync())
                .Select(m => JsonSerializer.Deserialize<SupervisionNoticeRaised>(m.Body, JsonSerializerOptions.Web)!).ToList();
            var notice = Assert.Single(events);
            Assert.Equal(("complaint-escalated", late.Id), (notice.Kind, notice.SubjectId));
            Assert.Equal(["lead-zjj", "supervisor-1"], notice.RecipientIds);
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    private static async Task<int> RoundAsync(FreshDatabase<SupervisionDbContext> database, DateTimeOffset now)
    {
        var clock = new SupervisionWarningTests.ManualClock(now);
        await using var db = database.NewContext();
        var audit = new AuditLog<SupervisionDbContext>(db, new HttpContextAccessor(), clock, new SupervisionWarningTests.Env());
        return await new ComplaintEscalationRound(db, Calendar, new ComplaintNotices(db, clock), audit, clock).RunAsync(100, CancellationToken.None);
    }
}

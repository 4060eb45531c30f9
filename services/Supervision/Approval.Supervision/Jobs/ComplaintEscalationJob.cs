using Approval.Calendar;
using Approval.ServiceDefaults.Jobs;
using Approval.Supervision.Data;
using Approval.Supervision.Domain;
using Microsoft.Extensions.Options;

namespace Approval.Supervision.Jobs;

/// <summary>
/// Escalates (升级) each suggestion or complaint left unanswered past its deadline, once: a notice to the department's
/// known leads and the region's known supervisors (ComplaintNotices), audited. A batch per round; a full batch runs again.
/// </summary>
public sealed class ComplaintEscalationJob(IServiceScopeFactory scopes, IOptionsMonitor<SupervisionOptions> options, TimeProvider clock,
    ILogger<ComplaintEscalationJob> log) : PeriodicJob(clock, log)
{
    protected override TimeSpan Interval => options.CurrentValue.Complaints.EscalationInterval;

    protected override async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var batch = options.CurrentValue.Complaints.EscalationBatch;
        return await scope.ServiceProvider.GetRequiredService<ComplaintEscalationRound>().RunAsync(batch, ct) == batch;
    }
}

/// <summary>One round of <see cref="ComplaintEscalationJob"/>: returns how many it escalated.</summary>
public sealed class ComplaintEscalationRound(SupervisionDbContext db, WorkingCalendar calendar, ComplaintNotices notices, IAuditLog audit, TimeProvider clock)
{
    public async Task<int> RunAsync(int batch, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = calendar.LocalDate(now);
        var due = await db.Complaints.Where(c => c.AnsweredAt == null && c.EscalatedAt == null && c.Deadline < today)
            .OrderBy(c => c.Deadline).Take(batch).ToListAsync(ct);
        foreach (var complaint in due)
        {
            complaint.MarkEscalated(now);
            var recipients = await notices.EscalatedAsync(complaint, ct);
            audit.Add(AuditActions.StateChange, "complaint", complaint.Id.ToString(),
                $"escalated: unanswered past {complaint.Deadline:yyyy-MM-dd}, {recipients} recipient(s)", complaint.RegionCode);
        }
        await db.SaveChangesAsync(ct);
        return due.Count;
    }
}

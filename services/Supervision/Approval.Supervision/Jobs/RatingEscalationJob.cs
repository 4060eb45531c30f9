using Approval.Calendar;
using Approval.ServiceDefaults.Jobs;
using Approval.Supervision.Data;
using Approval.Supervision.Domain;
using Microsoft.Extensions.Options;

namespace Approval.Supervision.Jobs;

/// <summary>
/// Escalates each rectification of a bad rating that passed its deadline without being answered, once: a notice to the
/// unit's known leads and the region's known supervisors (SupervisionNoticeRaised, kind rating-overdue), audited.
/// </summary>
public sealed class RatingEscalationJob(IServiceScopeFactory scopes, IOptionsMonitor<SupervisionOptions> options, TimeProvider clock,
    ILogger<RatingEscalationJob> log) : PeriodicJob(clock, log)
{
    public const int Batch = 200;

    protected override TimeSpan Interval => options.CurrentValue.Ratings.EscalationInterval;

    protected override async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RatingEscalationRound>().RunAsync(Batch, ct) == Batch;
    }
}

/// <summary>One round of <see cref="RatingEscalationJob"/>: the overdue rectifications of a batch, each escalated and marked.</summary>
public sealed class RatingEscalationRound(SupervisionDbContext db, WorkingCalendar calendar, RatingNotices notices, IAuditLog audit, TimeProvider clock)
{
    public async Task<int> RunAsync(int batch, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = calendar.LocalDate(now);
        var overdue = await db.Ratings
            .Where(r => r.TaskState == RatingTaskState.Rectifying && r.EscalatedAt == null && r.RectificationDeadline < today)
            .OrderBy(r => r.RectificationDeadline).Take(batch).ToListAsync(ct);
        foreach (var rating in overdue.Where(r => r.TakeEscalation(today, now)))
        {
            var recipients = await notices.EscalateAsync(rating, ct);
            audit.Add(AuditActions.StateChange, "rating", rating.Id.ToString(),
                $"rectification overdue since {rating.RectificationDeadline:yyyy-MM-dd}: escalated to {recipients} recipient(s)", rating.RegionCode);
        }
        await db.SaveChangesAsync(ct);
        return overdue.Count;
    }
}

using Approval.Calendar;
using Approval.ServiceDefaults.Jobs;
using Approval.Supervision.Data;
using Approval.Supervision.Domain;
using Microsoft.Extensions.Options;

namespace Approval.Supervision.Jobs;

/// <summary>
/// Re-reads the running item clocks (oldest acceptance first, a batch per round, a cursor across rounds) so their state is
/// current without anyone reading them, and sends 预警 and 逾期 once each when a clock crosses the region's threshold.
/// </summary>
public sealed class ClockWarningJob(IServiceScopeFactory scopes, IOptionsMonitor<SupervisionOptions> options, TimeProvider clock,
    ILogger<ClockWarningJob> log) : PeriodicJob(clock, log)
{
    private DateTimeOffset cursor = DateTimeOffset.MinValue;

    protected override TimeSpan Interval => options.CurrentValue.WarningInterval;

    protected override async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var round = scope.ServiceProvider.GetRequiredService<ClockWarningRound>();
        var (next, full) = await round.RunAsync(cursor, options.CurrentValue.WarningBatch, ct);
        cursor = full ? next : DateTimeOffset.MinValue;
        return full;
    }
}

/// <summary>One round of <see cref="ClockWarningJob"/>: refreshes a batch of running clocks and raises the warnings due.</summary>
public sealed class ClockWarningRound(SupervisionDbContext db, WorkingCalendar calendar, WarningThreshold threshold, NoticeSender sender,
    IAuditLog audit, TimeProvider clock)
{
    public async Task<(DateTimeOffset Cursor, bool Full)> RunAsync(DateTimeOffset after, int batch, CancellationToken ct)
    {
        var items = await db.Items.Where(i => i.ConcludedAt == null && i.AcceptedAt > after).OrderBy(i => i.AcceptedAt).Take(batch).ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var item in items)
        {
            try { item.Refresh(calendar, threshold, now); }
            catch (CalendarRangeException) { continue; }
            if (item.TakeDueWarning() is not { } level) continue;
            var kind = level == 2 ? SupervisionNotice.Overdue : SupervisionNotice.Warning;
            await sender.RaiseAsync(item, kind, null, null, ct);
            audit.Add(AuditActions.StateChange, "item-clock", item.Id.ToString(), $"{kind} raised ({item.State.ChineseName()})", item.RegionCode);
        }
        await db.SaveChangesAsync(ct);
        return (items.Count > 0 ? items[^1].AcceptedAt : after, items.Count == batch);
    }
}

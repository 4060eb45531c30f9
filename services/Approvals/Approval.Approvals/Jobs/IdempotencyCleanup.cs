using Approval.ServiceDefaults.Options;
using Approval.Approvals.Data;
using Approval.ServiceDefaults.Jobs;
using Microsoft.Extensions.Options;

namespace Approval.Approvals.Jobs;

/// <summary>Settings "Approval:Idempotency": how long a department system may replay a key, and how often old keys are deleted.</summary>
public sealed class IdempotencyOptions
{
    [Positive]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);
    [Positive]
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>
/// Deletes stored Idempotency-Key answers older than the retention, so the table holds a month of keys, not every key
/// ever sent. A key replayed after that is treated as new: department systems retry within minutes or days, not months.
/// </summary>
public sealed class IdempotencyCleanup(IServiceScopeFactory scopes, IOptions<IdempotencyOptions> options, TimeProvider clock, ILogger<IdempotencyCleanup> log)
    : PeriodicJob(clock, log)
{
    /// <summary>Deletes the answers stored before <paramref name="cutoff"/>; returns how many.</summary>
    public static Task<int> DeleteOlderThanAsync(ApprovalsDbContext db, DateTimeOffset cutoff, CancellationToken ct) =>
        db.IdempotencyRecords.Where(r => r.CreatedAt < cutoff).ExecuteDeleteAsync(ct);

    protected override TimeSpan Interval => options.Value.CleanupInterval;

    protected override async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApprovalsDbContext>();
        var deleted = await DeleteOlderThanAsync(db, Clock.GetUtcNow() - options.Value.Retention, ct);
        if (deleted > 0) Log.LogInformation("Deleted {Count} idempotency keys older than {Retention}", deleted, options.Value.Retention);
        return false;
    }
}

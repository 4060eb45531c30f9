using Approval.ServiceDefaults.Options;
using Approval.ServiceDefaults.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Approval.Messaging.Systems;

/// <summary>Settings "Approval:Idempotency": how long an organisation's system may replay a key, and how often old keys are deleted.</summary>
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
public sealed class IdempotencyCleanup<TDb>(IServiceScopeFactory scopes, IOptions<IdempotencyOptions> options, TimeProvider clock, ILogger<IdempotencyCleanup<TDb>> log)
    : PeriodicJob(clock, log) where TDb : DbContext
{

    protected override TimeSpan Interval => options.Value.CleanupInterval;

    protected override async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDb>();
        var deleted = await IdempotencyCleanup.DeleteOlderThanAsync(db, Clock.GetUtcNow() - options.Value.Retention, ct);
        if (deleted > 0) Log.LogInformation("Deleted {Count} idempotency keys older than {Retention}", deleted, options.Value.Retention);
        return false;
    }
}

/// <summary>The cleanup's one statement, for any service's database.</summary>
public static class IdempotencyCleanup
{
    /// <summary>Deletes the answers stored before <paramref name="cutoff"/>; returns how many.</summary>
    public static Task<int> DeleteOlderThanAsync(DbContext db, DateTimeOffset cutoff, CancellationToken ct) =>
        db.Set<IdempotencyRecord>().Where(r => r.CreatedAt < cutoff).ExecuteDeleteAsync(ct);
}

using Approval.Approvals.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Approval.Approvals.Api;

/// <summary>Settings "Approval:Idempotency": how long a department system may replay a key, and how often old keys are deleted.</summary>
public sealed class IdempotencyOptions
{
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>
/// Deletes stored Idempotency-Key answers older than the retention, so the table holds a month of keys, not every key
/// ever sent. A key replayed after that is treated as new: department systems retry within minutes or days, not months.
/// </summary>
public sealed class IdempotencyCleanup(IServiceScopeFactory scopes, IOptions<IdempotencyOptions> options, TimeProvider clock, ILogger<IdempotencyCleanup> log)
    : BackgroundService
{
    /// <summary>Deletes the answers stored before <paramref name="cutoff"/>; returns how many.</summary>
    public static Task<int> DeleteOlderThanAsync(ApprovalsDbContext db, DateTimeOffset cutoff, CancellationToken ct) =>
        db.IdempotencyRecords.Where(r => r.CreatedAt < cutoff).ExecuteDeleteAsync(ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<ApprovalsDbContext>();
                var deleted = await DeleteOlderThanAsync(db, clock.GetUtcNow() - options.Value.Retention, stoppingToken);
                if (deleted > 0) log.LogInformation("Deleted {Count} idempotency keys older than {Retention}", deleted, options.Value.Retention);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception e) { log.LogWarning(e, "Idempotency key cleanup failed; retrying at the next interval"); }
            try { await Task.Delay(options.Value.CleanupInterval, clock, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}

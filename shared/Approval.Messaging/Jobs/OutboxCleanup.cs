using Approval.ServiceDefaults.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Approval.Messaging.Jobs;

/// <summary>Hourly, deletes sent outbox rows and inbox ids older than the retention (longer than any redelivery horizon).</summary>
public sealed class OutboxCleanup<TContext>(
    IServiceScopeFactory scopes, IOptions<MessagingOptions> options, TimeProvider clock, ILogger<OutboxCleanup<TContext>> log)
    : PeriodicJob(clock, log) where TContext : DbContext
{
    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var horizon = Clock.GetUtcNow() - options.Value.Retention;
        await db.Set<OutboxMessage>().Where(m => m.SentAt != null && m.SentAt < horizon).ExecuteDeleteAsync(ct);
        await db.Set<InboxMessage>().Where(m => m.ProcessedAt < horizon).ExecuteDeleteAsync(ct);
        return false;
    }
}

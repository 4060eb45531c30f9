using Approval.Contracts.Events;
using Approval.Licences.Data;
using Approval.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Approval.Licences.Sealing;

/// <summary>
/// Finds licences whose validity has ended, records 过期 in their history and publishes LicenceExpired through the
/// outbox. Rows are claimed with FOR UPDATE SKIP LOCKED so replicas never announce the same expiry twice.
/// </summary>
public sealed class LicenceExpirySweeper(IServiceScopeFactory scopes, IOptions<SealOptions> options, TimeProvider clock, ILogger<LicenceExpirySweeper> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ExpirySweepInterval, clock);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Licence expiry sweep failed; retrying at the next interval");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<int> SweepAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LicencesDbContext>();
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var due = await db.Licences
            .FromSql($"""SELECT * FROM licences WHERE "ExpiryAnnouncedAt" IS NULL AND "ValidTo" IS NOT NULL AND "ValidTo" <= {now} AND "RevokedAt" IS NULL ORDER BY "ValidTo" LIMIT 100 FOR UPDATE SKIP LOCKED""")
            .ToListAsync(ct);
        foreach (var l in due.Where(l => l.RecordExpiry(now)))
            db.AddOutboxEvent(new LicenceExpired(l.Id, l.Identifier, l.LicenceName, l.ApplicationId, l.Holder, l.ValidTo!.Value), l.Id.ToString(), clock);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return due.Count;
    }
}

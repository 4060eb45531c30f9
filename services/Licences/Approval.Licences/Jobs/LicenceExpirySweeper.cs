using Approval.Contracts.Events;
using Approval.Licences.Data;
using Approval.Licences.Domain;
using Approval.Licences.Sealing;
using Approval.Messaging;
using Approval.ServiceDefaults.Jobs;
using Microsoft.Extensions.Options;

namespace Approval.Licences.Jobs;

/// <summary>
/// Finds licences whose validity has ended, records 过期 in their history and publishes LicenceExpired through the
/// outbox, in one transaction. Rows are locked with <see cref="WorkQueue.LockDueAsync{T}"/> (skipping those another
/// replica holds), so replicas never announce the same expiry twice.
/// </summary>
public sealed class LicenceExpirySweeper(IServiceScopeFactory scopes, IOptions<SealOptions> options, TimeProvider clock, ILogger<LicenceExpirySweeper> log)
    : PeriodicJob(clock, log)
{
    private const int BatchSize = 100;

    protected override TimeSpan Interval => options.Value.ExpirySweepInterval;

    /// <summary>One sweep; a full batch means more may have expired, and the next sweep follows at once.</summary>
    protected override async Task<bool> RunOnceAsync(CancellationToken ct) => await SweepAsync(ct) == BatchSize;

    public async Task<int> SweepAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LicencesDbContext>();
        var now = Clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var due = await WorkQueue.LockDueAsync<Licence>(db,
            $"""SELECT * FROM licences WHERE "ExpiryAnnouncedAt" IS NULL AND "ValidTo" IS NOT NULL AND "ValidTo" <= {now} AND "RevokedAt" IS NULL ORDER BY "ValidTo" LIMIT {BatchSize}""", ct);
        foreach (var l in due.Where(l => l.RecordExpiry(now)))
            db.AddOutboxEvent(new LicenceExpired(l.Id, l.Identifier, l.LicenceName, l.ApplicationId, l.Holder, l.ValidTo!.Value), l.Id.ToString(), Clock);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return due.Count;
    }
}

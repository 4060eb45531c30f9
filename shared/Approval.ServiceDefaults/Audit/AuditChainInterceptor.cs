using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Approval.ServiceDefaults.Audit;

/// <summary>
/// Links the audit records a unit of work adds into the service's hash chain (<see cref="AuditChain"/>), inside the
/// writing transaction: it takes a transaction-scoped PostgreSQL advisory lock, so the writers of one service append
/// one after the other, reads the last chained record and numbers and hashes the new ones after it. When the caller
/// has no transaction, the interceptor opens one around the save and commits it once the save succeeded.
/// Registered on every service's DbContext by AddServiceDatabase; a save without audit records is left alone.
/// </summary>
public sealed class AuditChainInterceptor : SaveChangesInterceptor
{
    /// <summary>The advisory lock key ("AUDITCHN"). One key serves every service: each has its own database, and advisory locks are per database.</summary>
    public const long LockKey = 0x4155_4449_5443_484E;

    private const string Npgsql = "Npgsql.EntityFrameworkCore.PostgreSQL";
    private readonly ConditionalWeakTable<DbContext, IDbContextTransaction> owned = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } db && Added(db) is { Count: > 0 } added)
        {
            var locked = db.Database.ProviderName == Npgsql;
            if (locked && db.Database.CurrentTransaction is null) owned.AddOrUpdate(db, db.Database.BeginTransaction());
            if (locked) db.Database.ExecuteSqlRaw("SELECT pg_advisory_xact_lock({0})", LockKey);
            Link(added, LastQuery(db).FirstOrDefault());
        }
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        if (eventData.Context is { } db && Added(db) is { Count: > 0 } added)
        {
            var locked = db.Database.ProviderName == Npgsql;
            if (locked && db.Database.CurrentTransaction is null) owned.AddOrUpdate(db, await db.Database.BeginTransactionAsync(ct));
            if (locked) await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0})", [LockKey], ct);
            Link(added, await LastQuery(db).FirstOrDefaultAsync(ct));
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } db && owned.TryGetValue(db, out var tx))
        {
            owned.Remove(db);
            using (tx) tx.Commit();
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken ct = default)
    {
        if (eventData.Context is { } db && owned.TryGetValue(db, out var tx))
        {
            owned.Remove(db);
            await using (tx) await tx.CommitAsync(ct);
        }
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Abandon(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken ct = default)
    {
        Abandon(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Abandon(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken ct = default)
    {
        Abandon(eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>A failed save rolls back the transaction the interceptor opened (disposing it rolls back), releasing the lock.</summary>
    private void Abandon(DbContext? db)
    {
        if (db is not null && owned.TryGetValue(db, out var tx))
        {
            owned.Remove(db);
            tx.Dispose();
        }
    }

    private static List<Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<AuditRecord>> Added(DbContext db) =>
        db.Model.FindEntityType(typeof(AuditRecord)) is null
            ? []
            : db.ChangeTracker.Added<AuditRecord>().Where(e => e.Entity.Sequence is null).ToList();

    private static IQueryable<ChainEnd> LastQuery(DbContext db) =>
        db.Set<AuditRecord>().AsNoTracking().Where(r => r.Sequence != null).OrderByDescending(r => r.Sequence)
            .Select(r => new ChainEnd(r.Sequence!.Value, r.Hash));

    private static void Link(List<Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<AuditRecord>> added, ChainEnd? last)
    {
        var sequence = last?.Sequence ?? 0;
        var previous = last?.Hash;
        foreach (var entry in added.OrderBy(e => e.Entity.OccurredAt).ThenBy(e => e.Entity.Id))
        {
            // PostgreSQL keeps microseconds: store what the hash covers.
            var at = entry.Entity.OccurredAt;
            entry.Property(r => r.OccurredAt).CurrentValue = new DateTimeOffset(at.UtcTicks - at.UtcTicks % 10, TimeSpan.Zero);
            var record = entry.Entity;
            record.Sequence = ++sequence;
            record.PreviousHash = previous;
            record.Hash = previous = AuditChain.Hash(record);
        }
    }

    private sealed record ChainEnd(long Sequence, string? Hash);
}

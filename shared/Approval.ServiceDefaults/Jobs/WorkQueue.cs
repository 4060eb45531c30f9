using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using OpenTelemetry;

namespace Approval.ServiceDefaults.Jobs;

/// <summary>
/// The one claim-and-retry building block of the work queues (工作队列). A worker claims due rows in a short transaction
/// (FOR UPDATE SKIP LOCKED, so replicas share the work and never take the same row) and leases them by moving
/// NextAttemptAt to the end of the lease, then commits; the work itself (a broker publish, an HTTP call, an SMS) runs
/// with no transaction open; its outcome is recorded in a new short transaction, only if the lease is still this
/// worker's. A worker that dies mid-call leaves the lease to run out and the row is claimed again — nothing is dropped.
/// Polling and bookkeeping are not traced: a poll every half second per service would bury the real traces.
/// </summary>
public static class WorkQueue
{
    /// <summary>
    /// Claims due rows: <paramref name="dueRows"/> selects them (a SELECT of whole rows, ordered and limited, without a
    /// locking clause); <paramref name="pick"/> may keep only some of them. The kept rows come back leased until
    /// now + <paramref name="lease"/>; the others are left as they were.
    /// </summary>
    public static async Task<List<T>> ClaimAsync<T>(DbContext db, FormattableString dueRows, TimeSpan lease, TimeProvider clock,
        CancellationToken ct, Func<List<T>, List<T>>? pick = null) where T : class, IQueuedWork
    {
        using var quiet = SuppressInstrumentationScope.Begin();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var rows = await LockDueAsync<T>(db, dueRows, ct);
        if (pick is not null) rows = pick(rows);
        if (rows.Count == 0) return rows;
        var until = LeaseEnd(clock.GetUtcNow(), lease);
        foreach (var row in rows) row.NextAttemptAt = until;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return rows;
    }

    /// <summary>
    /// Locks the rows <paramref name="dueRows"/> selects (see <see cref="ClaimAsync{T}"/>) for the caller's open
    /// transaction, skipping rows another worker holds — for work done wholly in the database, in that transaction
    /// (the licence expiry sweep: a state change and its outbox event), or out of it only briefly and with a bound (the
    /// outbox relay's broker publish, one commit per round). Slow work that calls out (webhooks, SMS) claims with a lease.
    /// </summary>
    public static Task<List<T>> LockDueAsync<T>(DbContext db, FormattableString dueRows, CancellationToken ct) where T : class
    {
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("Lock rows inside a transaction.");
        var locking = FormattableStringFactory.Create(dueRows.Format + "\nFOR UPDATE SKIP LOCKED", dueRows.GetArguments());
        return db.Set<T>().FromSql(locking).ToListAsync(ct);
    }

    /// <summary>
    /// Records the outcome of claimed rows in a transaction of its own: each row is read again and locked, and
    /// <paramref name="apply"/> runs on those still leased by this worker (NextAttemptAt as claimed); a row whose lease
    /// ran out and passed to another worker is left to that worker. When any was, what the caller added to the
    /// context meanwhile (a recording sink's message) is dropped with it — record such rows one at a time, or add each
    /// row's records in <paramref name="apply"/>, which runs only for the rows still held (the notification dispatcher).
    /// Returns how many rows were recorded.
    /// </summary>
    public static async Task<int> RecordAsync<T>(DbContext db, IReadOnlyCollection<T> claimed, Action<T> apply, CancellationToken ct)
        where T : class, IQueuedWork
    {
        if (claimed.Count == 0) return 0;
        using var quiet = SuppressInstrumentationScope.Begin();
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var key = entity.FindPrimaryKey()!.Properties.Single();
        var leases = claimed.ToDictionary(c => key.PropertyInfo!.GetValue(c)!, c => c.NextAttemptAt);
        foreach (var row in claimed) if (db.Entry(row).State != EntityState.Detached) db.Entry(row).State = EntityState.Detached;
        var added = db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ids = Array.CreateInstance(key.ClrType, leases.Count);
        leases.Keys.ToArray().CopyTo(ids, 0);
        var sql = "SELECT * FROM " + Table(entity) + " WHERE \"" + Column(entity, key) + "\" = ANY({0}) FOR UPDATE";
        var current = await db.Set<T>().FromSqlRaw(sql, ids).ToListAsync(ct);
        var held = current.Where(row => row.NextAttemptAt == leases[key.PropertyInfo!.GetValue(row)!]).ToList();
        if (held.Count < leases.Count) foreach (var entry in added) entry.State = EntityState.Detached;
        foreach (var row in held) apply(row);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return held.Count;
    }

    /// <summary>The end of a lease taken now, to the millisecond (so it reads back from PostgreSQL exactly as written).</summary>
    public static DateTimeOffset LeaseEnd(DateTimeOffset now, TimeSpan lease)
    {
        var end = now.ToUniversalTime() + lease;
        return new DateTimeOffset(end.Ticks - end.Ticks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
    }

    private static string Table(IEntityType entity) =>
        entity.GetSchema() is { } schema ? $"\"{schema}\".\"{entity.GetTableName()}\"" : $"\"{entity.GetTableName()}\"";

    private static string Column(IEntityType entity, IProperty key) =>
        key.GetColumnName(StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema()))!;
}

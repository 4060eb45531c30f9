using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Approval.ServiceDefaults;

/// <summary>PostgreSQL advisory locks on a text key, held until the caller's transaction ends.</summary>
public static class AdvisoryLocks
{
    /// <summary>
    /// Waits for, then takes, the transaction-scoped lock on <paramref name="key"/> (<c>pg_advisory_xact_lock</c> over the
    /// key's 64-bit <c>hashtextextended</c>); every transaction asking for the same key waits until this one ends. Call
    /// inside a transaction: outside one, the lock ends with the statement.
    /// </summary>
    public static Task LockAsync(this DatabaseFacade database, string key, CancellationToken ct) =>
        database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({key}, 0))", ct);

    /// <summary>
    /// A record found, or created once however many transactions meet it at once: when <paramref name="find"/> does not
    /// find it, it looks again under the lock on <paramref name="key"/> (a transaction that created it meanwhile has
    /// committed, and the new statement sees it) and only then <paramref name="create"/>s it. Consumers of different events
    /// that each create the record on first sight (an application's 接件 and 受理, an item's status changes) otherwise both
    /// insert it, and all but one fail on the unique key and are retried. The lock is taken only when the record is missing.
    /// </summary>
    public static async Task<T> FindOrCreateAsync<T>(this DatabaseFacade database, string key, Func<Task<T?>> find, Func<T> create,
        CancellationToken ct) where T : class
    {
        if (await find() is { } found) return found;
        await database.LockAsync(key, ct);
        return await find() ?? create();
    }
}

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
}

using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Approval.Messaging;

/// <summary>
/// Wakes the relay when a unit of work that added outbox rows commits, so events leave without waiting for the next poll.
/// Only such commits wake it (issue 22): a consumer's commit without events, or the relay's own, used to start a round
/// that found nothing.
/// </summary>
public sealed class OutboxSignal : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly object Marker = new();
    private readonly SemaphoreSlim signal = new(0, 1);
    // contexts that saved outbox rows in a transaction still open: its commit wakes the relay
    private readonly ConditionalWeakTable<DbContext, object> pending = new();

    public void Notify()
    {
        if (signal.CurrentCount == 0)
        {
            try { signal.Release(); }
            catch (SemaphoreFullException) { /* already signalled by a concurrent commit: one wake-up is enough */ }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => signal.WaitAsync(timeout, ct);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Mark(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken ct = default)
    {
        Mark(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken ct = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Mark(DbContext? context)
    {
        if (context is not null && context.AddedOutboxRows().Count > 0) pending.AddOrUpdate(context, Marker);
    }

    /// <summary>A save outside a transaction of the caller's has committed (EF's own transaction); inside one, the commit wakes.</summary>
    private void Saved(DbContext? context)
    {
        if (context is not null && context.Database.CurrentTransaction is null && pending.Remove(context)) Notify();
    }

    /// <summary>The transaction <paramref name="context"/> saved in has committed (also one EF did not begin: a consumer group's).</summary>
    public void Committed(DbContext? context)
    {
        if (context is not null && pending.Remove(context)) Notify();
    }

    private void Forget(DbContext? context)
    {
        if (context is not null) pending.Remove(context);
    }
}

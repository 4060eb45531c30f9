using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Approval.ServiceDefaults;

/// <summary>
/// A save inside a transaction the code began (a consumer's inbox transaction, the relay's round, an audited command) sets
/// no savepoint. EF's default sets one before such a save (SAVEPOINT, then the writes in a subtransaction), so that a
/// failed save could be undone alone and the transaction go on. No code here goes on after a failed save: each one
/// disposes (rolls back) its transaction and throws, or starts again from a new transaction. The savepoint only cost a
/// round trip and a second transaction id (the subtransaction's) on every such save: half the write transaction ids of a
/// two-item case, 108 → 54 in the bench (issue 22). Registered on every service's DbContext by AddServiceDatabase.
/// </summary>
public sealed class NoAutoSavepoints : SaveChangesInterceptor
{
    public static NoAutoSavepoints Instance { get; } = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Disable(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken ct = default)
    {
        Disable(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Disable(DbContext? db)
    {
        if (db is not null) db.Database.AutoSavepointsEnabled = false;
    }
}

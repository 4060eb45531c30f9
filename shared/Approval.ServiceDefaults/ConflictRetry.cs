using Microsoft.EntityFrameworkCore;

namespace Approval.ServiceDefaults;

/// <summary>
/// A command whose caller named no version of what it changes (no If-Match): when the row changed between the
/// command's read and its save (xmin, <see cref="DbUpdateConcurrencyException"/>), that change is not the caller's
/// conflict — most often one of the service's own consumers writing the same row in the same second. The command is
/// run again from its read, on a cleared context, so its rules are checked once more on the row as it now is (a second
/// clerk's decision is still refused by the rule, not by the race). After <paramref name="attempts"/> tries the
/// conflict goes to the caller as before (409 并发修改冲突).
/// </summary>
public static class ConflictRetry
{
    public static async Task<T> RetryOnConflictAsync<T>(this DbContext db, Func<Task<T>> command, int attempts = 3)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await command();
            }
            catch (DbUpdateConcurrencyException) when (attempt < attempts)
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}

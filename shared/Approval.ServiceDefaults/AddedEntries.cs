using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Approval.ServiceDefaults;

public static class AddedEntries
{
    /// <summary>
    /// The entities of type <typeparamref name="T"/> a unit of work adds, as the save hooks (interceptors) see them before
    /// the save: an added entity's state is known without detecting changes, which the save then does once itself (asking
    /// <see cref="ChangeTracker.Entries{TEntity}()"/> would detect them an extra time on every save, issue 22). Used for
    /// the audit records the chain links and the outbox rows that wake the relay.
    /// </summary>
    public static List<EntityEntry<T>> Added<T>(this ChangeTracker tracker) where T : class
    {
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            return tracker.Entries<T>().Where(e => e.State == EntityState.Added).ToList();
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }
}

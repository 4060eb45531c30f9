using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Approval.Messaging;

public static class OutboxExtensions
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Queues an integration event in the current unit of work; it commits with the state change
    /// and the relay publishes it afterwards. The MessageId is fixed here, so a republish is recognisable.
    /// </summary>
    public static OutboxMessage AddOutboxEvent<T>(this DbContext db, T message, string aggregateId, TimeProvider clock)
        where T : class
    {
        var now = clock.GetUtcNow();
        var row = new OutboxMessage
        {
            MessageId = Guid.CreateVersion7(now),
            MessageType = TypeName(typeof(T)),
            Body = JsonSerializer.Serialize(message, Json),
            AggregateId = aggregateId,
            TraceParent = Activity.Current?.Id,
            CreatedAt = now,
            NextAttemptAt = now,
        };
        db.Set<OutboxMessage>().Add(row);
        return row;
    }

    /// <summary>
    /// The outbox rows this unit of work adds, as the save hooks see them. Rows are added (<see cref="AddOutboxEvent"/>),
    /// so their state is known without detecting changes, which the save does once itself.
    /// </summary>
    internal static List<OutboxMessage> AddedOutboxRows(this DbContext db)
    {
        var tracker = db.ChangeTracker;
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            return tracker.Entries<OutboxMessage>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }

    internal static string TypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";
}

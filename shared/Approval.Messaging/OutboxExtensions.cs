using System.Diagnostics;
using System.Text.Json;
using Approval.ServiceDefaults;
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

    /// <summary>The outbox rows this unit of work adds, as the save hooks see them (<see cref="AddedEntries.Added{T}"/>).</summary>
    internal static List<OutboxMessage> AddedOutboxRows(this DbContext db) =>
        db.ChangeTracker.Added<OutboxMessage>().Select(e => e.Entity).ToList();

    internal static string TypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";
}

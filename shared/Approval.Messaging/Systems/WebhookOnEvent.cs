using System.Text.Json;
using System.Text.Encodings.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Approval.Messaging.Systems;

/// <summary>
/// A webhook an event raises: when a unit of work queues the event <typeparamref name="T"/> in its outbox and the
/// organisation it names (read from the event, or looked up in the service's database) has a registered endpoint, a signed delivery is queued in the same
/// transaction (<see cref="WebhookOnEventInterceptor"/>). The payload: deliveryId, eventType, the event as published
/// (data) and where the system reads the object through the gateway (links).
/// </summary>
public sealed class WebhookOnEvent<T>(
    string eventType, Func<T, DbContext, CancellationToken, Task<string?>> organisationOf, Func<T, IReadOnlyDictionary<string, string>> links)
    : IWebhookTrigger where T : class
{
    public string MessageType { get; } = OutboxExtensions.TypeName(typeof(T));
    public string EventType => eventType;

    public async Task<(string? Organisation, Func<Guid, string> Payload)> ReadAsync(string body, DbContext db, CancellationToken ct)
    {
        var message = JsonSerializer.Deserialize<T>(body, OutboxExtensions.Json)!;
        return (await organisationOf(message, db, ct), id => JsonSerializer.Serialize(new
        {
            DeliveryId = id, EventType = eventType, Data = JsonSerializer.Deserialize<JsonElement>(body), Links = links(message),
        }, WebhookOnEventInterceptor.Json));
    }
}

/// <summary>One event-to-webhook rule, registered as a singleton by <c>AddWebhookOnEvent</c>.</summary>
public interface IWebhookTrigger
{
    string MessageType { get; }
    string EventType { get; }
    Task<(string? Organisation, Func<Guid, string> Payload)> ReadAsync(string body, DbContext db, CancellationToken ct);
}

/// <summary>
/// The publish hook: before a save, each outbox message being added that a trigger knows becomes a webhook delivery to
/// its organisation when that organisation registered an endpoint — in the same transaction, so the notice is sent
/// exactly when the change commits (and retried by <see cref="WebhookDispatcher{TDb}"/> until received).
/// </summary>
public sealed class WebhookOnEventInterceptor(IEnumerable<IWebhookTrigger> triggers, TimeProvider clock) : SaveChangesInterceptor
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly Dictionary<string, IWebhookTrigger> byType = triggers.ToDictionary(t => t.MessageType);

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && byType.Count > 0 && db.Model.FindEntityType(typeof(WebhookDelivery)) is not null)
            await QueueAsync(db, cancellationToken);
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        eventData.Context is { } db && byType.Count > 0 && db.Model.FindEntityType(typeof(WebhookDelivery)) is not null
            && db.AddedOutboxRows().Any(m => byType.ContainsKey(m.MessageType))
            ? throw new InvalidOperationException("Save asynchronously: an event in this save raises a webhook.")
            : result;

    private async Task QueueAsync(DbContext db, CancellationToken ct)
    {
        var raised = new List<(IWebhookTrigger Trigger, (string? Organisation, Func<Guid, string> Payload) Read)>();
        foreach (var m in db.AddedOutboxRows().Where(m => byType.ContainsKey(m.MessageType)))
            raised.Add((byType[m.MessageType], await byType[m.MessageType].ReadAsync(m.Body, db, ct)));
        if (raised.Count == 0) return;
        var organisations = raised.Select(r => r.Read.Organisation).OfType<string>().Distinct().ToList();
        var everyone = organisations.Remove(OrganisationSystems.EveryRegistered);
        var withSystems = await db.Set<WebhookEndpoint>().Where(w => everyone || organisations.Contains(w.OrganisationCode))
            .Select(w => w.OrganisationCode).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var deliveries = raised.SelectMany(r => (r.Read.Organisation == OrganisationSystems.EveryRegistered ? withSystems
                : withSystems.Where(o => o == r.Read.Organisation)).Select(o => (r.Trigger, Organisation: o, r.Read.Payload)));
        foreach (var (trigger, organisation, payload) in deliveries)
        {
            var id = Guid.CreateVersion7(now);
            db.Set<WebhookDelivery>().Add(new WebhookDelivery
            {
                Id = id, OrganisationCode = organisation, EventType = trigger.EventType, Payload = payload(id), CreatedAt = now, NextAttemptAt = now,
            });
        }
    }
}

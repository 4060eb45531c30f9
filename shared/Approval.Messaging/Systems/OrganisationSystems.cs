using Approval.ServiceDefaults.Options;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Approval.Messaging.Systems;

/// <summary>
/// The organisations' own systems in a service (R-7.12; docs/api.md "Organisations' systems"): Idempotency-Key answers
/// (table idempotency_keys, cleaned after Approval:Idempotency:Retention) and signed webhooks (endpoints, deliveries and
/// their attempts; Approval:Webhooks), in the service's own database.
/// </summary>
public static class OrganisationSystems
{
    /// <summary>
    /// The organisation an event names to reach every organisation with a registered endpoint in the service (one delivery
    /// each): Supervision's approval results go to every regulator's system.
    /// </summary>
    public const string EveryRegistered = "*";

    /// <summary>Idempotency, the webhook target (SSRF policy), the dispatcher, the cleanup and the publish hook for <typeparamref name="TDb"/>.</summary>
    public static IHostApplicationBuilder AddOrganisationSystems<TDb>(this IHostApplicationBuilder builder) where TDb : DbContext
    {
        builder.Services.AddScoped(sp => new Idempotency(sp.GetRequiredService<TDb>(), sp.GetRequiredService<TimeProvider>()));
        builder.AddValidatedOptions<IdempotencyOptions>("Approval:Idempotency");
        builder.Services.AddHostedService<IdempotencyCleanup<TDb>>();
        builder.AddValidatedOptions<WebhookOptions>("Approval:Webhooks");
        builder.Services.AddSingleton(sp => new WebhookTarget(WebhookAddressPolicy.From(sp.GetRequiredService<IOptions<WebhookOptions>>().Value)));
        builder.Services.AddHostedService<WebhookDispatcher<TDb>>();
        builder.Services.AddSingleton<IInterceptor, WebhookOnEventInterceptor>();
        return builder;
    }

    /// <summary>A webhook to <paramref name="organisationOf"/>'s system whenever <typeparamref name="T"/> is published (the publish hook).</summary>
    public static IHostApplicationBuilder AddWebhookOnEvent<T>(this IHostApplicationBuilder builder, string eventType, Func<T, string> organisationOf,
        Func<T, IReadOnlyDictionary<string, string>> links) where T : class =>
        builder.AddWebhookOnEvent<T, DbContext>(eventType, (e, _, _) => Task.FromResult<string?>(organisationOf(e)), links);

    /// <summary>The same, when the event names its organisation only by an id the service's own database resolves (null: nobody to tell).</summary>
    public static IHostApplicationBuilder AddWebhookOnEvent<T, TDb>(this IHostApplicationBuilder builder, string eventType,
        Func<T, TDb, CancellationToken, Task<string?>> organisationOf, Func<T, IReadOnlyDictionary<string, string>> links)
        where T : class where TDb : DbContext
    {
        builder.Services.AddSingleton<IWebhookTrigger>(new WebhookOnEvent<T>(eventType, (e, db, ct) => organisationOf(e, (TDb)db, ct), links));
        return builder;
    }

    /// <summary>
    /// The tables: the endpoints (<paramref name="endpointsTable"/>; Approvals keeps its department_webhooks),
    /// webhook_deliveries, webhook_attempts and idempotency_keys.
    /// </summary>
    public static ModelBuilder AddOrganisationSystems(this ModelBuilder model, string endpointsTable = "webhook_endpoints")
    {
        model.Entity<WebhookEndpoint>(e => { e.ToTable(endpointsTable); e.HasKey(x => x.OrganisationCode); });
        model.Entity<WebhookDelivery>(e =>
        {
            e.ToTable("webhook_deliveries");
            e.HasKey(x => x.Id);
            e.Property(x => x.Payload).HasColumnType("jsonb");
            e.HasIndex(x => x.NextAttemptAt).HasFilter("\"DeliveredAt\" IS NULL");
            e.HasIndex(x => new { x.OrganisationCode, x.CreatedAt });
        });
        model.Entity<WebhookAttempt>(e => { e.ToTable("webhook_attempts"); e.HasKey(x => x.Id); e.HasIndex(x => x.DeliveryId); });
        model.Entity<IdempotencyRecord>(e =>
        {
            e.ToTable("idempotency_keys");
            e.HasKey(x => x.Id);
            e.Property(x => x.Key).HasMaxLength(200);
            // text, not jsonb: a replay answers the very bytes of the first answer.
            e.HasIndex(x => new { x.Client, x.Key }).IsUnique();
            e.HasIndex(x => x.CreatedAt); // the cleanup deletes by age
        });
        return model;
    }
}

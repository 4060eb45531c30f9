using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Approval.ServiceDefaults.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry;

namespace Approval.Messaging.Systems;

/// <summary>
/// Delivers queued webhook notifications, at least once, through the work queue (<see cref="WorkQueue"/>): a short
/// transaction claims due rows and leases them past the request timeout; the HTTP calls run with no transaction open —
/// each organisation's deliveries in order, organisations side by side, so a slow receiver holds up only its own
/// organisation; each result is recorded in a new short transaction: delivered on a 2xx, otherwise retried with the one
/// backoff rule (<see cref="Retries"/>: FirstBackoff · 2^(attempts−1), at most MaxBackoff). A replica that dies
/// mid-call leaves the lease to expire and the delivery is tried again — nothing is dropped.
/// </summary>
public sealed class WebhookDispatcher<TDb>(
    IServiceScopeFactory scopes, IOptions<WebhookOptions> options, WebhookTarget target, TimeProvider clock, ILogger<WebhookDispatcher<TDb>> log)
    : PeriodicJob(clock, log) where TDb : DbContext
{
    private const int BatchSize = 20;
    private readonly WebhookOptions settings = options.Value;
    private readonly HttpClient http = new(target.CreateHandler()) { Timeout = options.Value.RequestTimeout };
    /// <summary>Organisations with deliveries in flight on this replica: not claimed again until those are recorded.</summary>
    private readonly ConcurrentDictionary<string, Task> busy = new();

    protected override TimeSpan Interval => settings.PollInterval;

    protected override Task DrainAsync() => Task.WhenAll(busy.Values);

    /// <summary>Claims due deliveries of organisations not already in flight here and starts one sender per organisation.</summary>
    protected override async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        var room = settings.MaxConcurrentDeliveries - busy.Count;
        if (room <= 0) return false;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDb>();
        var now = Clock.GetUtcNow();
        var skip = busy.Keys.ToArray();
        // The lease: no replica claims these again before the calls below have had their time.
        var due = await WorkQueue.ClaimAsync<WebhookDelivery>(db, $"""
            SELECT * FROM webhook_deliveries WHERE "DeliveredAt" IS NULL AND "NextAttemptAt" <= {now}
            AND NOT ("OrganisationCode" = ANY({skip}))
            ORDER BY "CreatedAt" LIMIT {BatchSize}
            """, settings.RequestTimeout * 2 + TimeSpan.FromSeconds(5), Clock, ct, rows =>
        {
            var organisations = rows.Select(d => d.OrganisationCode).Distinct().Take(room).ToHashSet();
            return rows.Where(d => organisations.Contains(d.OrganisationCode)).ToList();
        });
        if (due.Count == 0) return false;
        var codes = due.Select(d => d.OrganisationCode).Distinct().ToList();
        Dictionary<string, WebhookEndpoint> endpoints;
        using (SuppressInstrumentationScope.Begin())
            endpoints = await db.Set<WebhookEndpoint>().AsNoTracking().Where(w => codes.Contains(w.OrganisationCode)).ToDictionaryAsync(w => w.OrganisationCode, ct);
        foreach (var group in due.GroupBy(d => d.OrganisationCode))
        {
            endpoints.TryGetValue(group.Key, out var endpoint);
            var deliveries = group.OrderBy(d => d.CreatedAt).ToList();
            var done = new TaskCompletionSource();
            busy[group.Key] = done.Task;
            _ = Task.Run(async () =>
            {
                try { await DeliverAllAsync(deliveries, endpoint, ct); }
                finally
                {
                    busy.TryRemove(group.Key, out Task? _);
                    done.SetResult();
                }
            }, CancellationToken.None);
        }
        return true;
    }

    private async Task DeliverAllAsync(List<WebhookDelivery> deliveries, WebhookEndpoint? endpoint, CancellationToken ct)
    {
        foreach (var delivery in deliveries)
        {
            try
            {
                var attempt = await AttemptAsync(delivery, endpoint, ct);
                await RecordAsync(delivery, attempt, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { return; }
            catch (Exception e) { Log.LogWarning(e, "Webhook delivery {Delivery} could not be recorded; its lease expires and it is tried again", delivery.Id); }
        }
    }

    /// <summary>The attempt and the delivery's new state, in one short transaction of their own.</summary>
    private async Task RecordAsync(WebhookDelivery claimed, WebhookAttempt attempt, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDb>();
        await WorkQueue.RecordAsync(db, [claimed], delivery =>
        {
            if (delivery.DeliveredAt is not null) return; // another replica delivered it after our lease ran out
            db.Set<WebhookAttempt>().Add(attempt);
            delivery.Attempts++;
            if (attempt.StatusCode is >= 200 and < 300)
                delivery.DeliveredAt = attempt.At;
            else
                delivery.NextAttemptAt = Clock.GetUtcNow() + Retries.Backoff(delivery.Attempts, settings.FirstBackoff, settings.MaxBackoff);
        }, ct);
    }

    private async Task<WebhookAttempt> AttemptAsync(WebhookDelivery delivery, WebhookEndpoint? endpoint, CancellationToken ct)
    {
        var started = Clock.GetUtcNow();
        if (endpoint is null)
            return new WebhookAttempt { DeliveryId = delivery.Id, Url = "", Error = "the organisation has no webhook endpoint", At = started };
        var timestamp = started.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Approval-Event", delivery.EventType);
        request.Headers.Add("X-Approval-Delivery", delivery.Id.ToString());
        request.Headers.Add("X-Approval-Timestamp", timestamp.ToString());
        request.Headers.Add("X-Approval-Signature", WebhookSignature.Sign(endpoint.Secret, timestamp, delivery.Payload));
        var watch = Stopwatch.StartNew();
        string? error;
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            var status = (int)response.StatusCode;
            error = status is >= 300 and < 400 ? $"HTTP {status}: redirect not followed" : status is >= 200 and < 300 ? null : $"HTTP {status}";
            return new WebhookAttempt { DeliveryId = delivery.Id, Url = endpoint.Url, StatusCode = status, Error = error, At = started, DurationMs = watch.Elapsed.TotalMilliseconds };
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            error = ShortReason(e);
            Log.LogInformation("Webhook delivery {Delivery} to {Organisation} failed: {Reason}", delivery.Id, delivery.OrganisationCode, error);
        }
        return new WebhookAttempt { DeliveryId = delivery.Id, Url = endpoint.Url, Error = error, At = started, DurationMs = watch.Elapsed.TotalMilliseconds };
    }

    private static string ShortReason(Exception e) => WebhookDispatcher.ShortReason(e);

    public override void Dispose()
    {
        http.Dispose();
        base.Dispose();
    }
}

/// <summary>What every service's dispatcher writes in its delivery log.</summary>
public static class WebhookDispatcher
{
    /// <summary>What the delivery log says about a failed call: a short reason, never the exception's text (no port-scan oracle).</summary>
    public static string ShortReason(Exception e) => e switch
    {
        TaskCanceledException => "timeout",
        _ when Inner<WebhookAddressRefusedException>(e) is not null => "refused: address not allowed",
        HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } => "TLS handshake failed",
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } => "unreachable",
        _ when Inner<SocketException>(e) is not null => "unreachable",
        _ => "failed: no valid HTTP answer",
    };

    private static T? Inner<T>(Exception? e) where T : Exception
    {
        for (; e is not null; e = e.InnerException) if (e is T found) return found;
        return null;
    }
}

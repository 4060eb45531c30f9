using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Approval.Approvals.Data;
using Approval.Approvals.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenTelemetry;

namespace Approval.Approvals.Webhooks;

/// <summary>
/// Delivers queued webhook notifications, at least once. A short transaction claims due rows (FOR UPDATE SKIP LOCKED,
/// so replicas share the work) and leases them by moving NextAttemptAt past the request timeout, then commits; the
/// HTTP calls run with no transaction open — each department's deliveries in order, departments side by side, so a
/// slow receiver holds up only its own department; each result is recorded in a new short transaction: delivered on
/// a 2xx, otherwise retried with exponential backoff (FirstBackoff · 2^(attempts−1), at most MaxBackoff). A replica
/// that dies mid-call leaves the lease to expire and the delivery is tried again — nothing is dropped.
/// </summary>
public sealed class WebhookDispatcher(
    IServiceScopeFactory scopes, IOptions<WebhookOptions> options, WebhookTarget target, TimeProvider clock, ILogger<WebhookDispatcher> log)
    : BackgroundService
{
    private const int BatchSize = 20;
    private readonly WebhookOptions settings = options.Value;
    private readonly HttpClient http = new(target.CreateHandler()) { Timeout = options.Value.RequestTimeout };
    /// <summary>Departments with deliveries in flight on this replica: not claimed again until those are recorded.</summary>
    private readonly ConcurrentDictionary<string, Task> busy = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try { claimed = await ClaimAndStartAsync(stoppingToken); }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { break; }
            catch (Exception e) { log.LogWarning(e, "Webhook dispatch round failed"); }
            if (claimed == 0)
            {
                try { await Task.Delay(settings.PollInterval, clock, stoppingToken); }
                catch (OperationCanceledException) { break; }
            }
        }
        await Task.WhenAll(busy.Values);
    }

    /// <summary>Claims due deliveries of departments not already in flight here, commits, and starts one sender per department.</summary>
    private async Task<int> ClaimAndStartAsync(CancellationToken ct)
    {
        var room = settings.MaxConcurrentDeliveries - busy.Count;
        if (room <= 0) return 0;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApprovalsDbContext>();
        var now = clock.GetUtcNow();
        var skip = busy.Keys.ToArray();
        List<WebhookDelivery> due;
        Dictionary<string, DepartmentWebhook> endpoints;
        using (SuppressInstrumentationScope.Begin())
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            due = await db.WebhookDeliveries.FromSql($"""
                SELECT * FROM webhook_deliveries WHERE "DeliveredAt" IS NULL AND "NextAttemptAt" <= {now}
                AND NOT ("DepartmentCode" = ANY({skip}))
                ORDER BY "CreatedAt" LIMIT {BatchSize} FOR UPDATE SKIP LOCKED
                """).ToListAsync(ct);
            var departments = due.Select(d => d.DepartmentCode).Distinct().Take(room).ToList();
            due.RemoveAll(d => !departments.Contains(d.DepartmentCode));
            // The lease: no replica claims these again before the calls below have had their time.
            foreach (var delivery in due) delivery.NextAttemptAt = now + settings.RequestTimeout * 2 + TimeSpan.FromSeconds(5);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            endpoints = await db.Webhooks.AsNoTracking().Where(w => departments.Contains(w.DepartmentCode)).ToDictionaryAsync(w => w.DepartmentCode, ct);
        }
        foreach (var group in due.GroupBy(d => d.DepartmentCode))
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
        return due.Count;
    }

    private async Task DeliverAllAsync(List<WebhookDelivery> deliveries, DepartmentWebhook? endpoint, CancellationToken ct)
    {
        foreach (var delivery in deliveries)
        {
            try
            {
                var attempt = await AttemptAsync(delivery, endpoint, ct);
                await RecordAsync(delivery.Id, attempt, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { return; }
            catch (Exception e) { log.LogWarning(e, "Webhook delivery {Delivery} could not be recorded; its lease expires and it is tried again", delivery.Id); }
        }
    }

    /// <summary>The attempt and the delivery's new state, in one short transaction of their own.</summary>
    private async Task RecordAsync(Guid deliveryId, WebhookAttempt attempt, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApprovalsDbContext>();
        using var _ = SuppressInstrumentationScope.Begin();
        var delivery = await db.WebhookDeliveries.FirstAsync(d => d.Id == deliveryId, ct);
        if (delivery.DeliveredAt is not null) return; // another replica delivered it after our lease ran out
        db.WebhookAttempts.Add(attempt);
        delivery.Attempts++;
        if (attempt.StatusCode is >= 200 and < 300)
        {
            delivery.DeliveredAt = attempt.At;
        }
        else
        {
            var backoff = TimeSpan.FromMilliseconds(Math.Min(settings.MaxBackoff.TotalMilliseconds,
                settings.FirstBackoff.TotalMilliseconds * Math.Pow(2, delivery.Attempts - 1)));
            delivery.NextAttemptAt = clock.GetUtcNow() + backoff;
        }
        await db.SaveChangesAsync(ct);
    }

    private async Task<WebhookAttempt> AttemptAsync(WebhookDelivery delivery, DepartmentWebhook? endpoint, CancellationToken ct)
    {
        var started = clock.GetUtcNow();
        if (endpoint is null)
            return new WebhookAttempt { DeliveryId = delivery.Id, Url = "", Error = "the department has no webhook endpoint", At = started };
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
            log.LogInformation("Webhook delivery {Delivery} to {Department} failed: {Reason}", delivery.Id, delivery.DepartmentCode, error);
        }
        return new WebhookAttempt { DeliveryId = delivery.Id, Url = endpoint.Url, Error = error, At = started, DurationMs = watch.Elapsed.TotalMilliseconds };
    }

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

    public override void Dispose()
    {
        http.Dispose();
        base.Dispose();
    }
}

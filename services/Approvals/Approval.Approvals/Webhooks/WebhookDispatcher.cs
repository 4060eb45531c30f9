using System.Diagnostics;
using System.Text;
using Approval.Approvals.Data;
using Approval.Approvals.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenTelemetry;

namespace Approval.Approvals.Webhooks;

/// <summary>
/// Delivers queued webhook notifications: claims due rows with FOR UPDATE SKIP LOCKED (replicas share the
/// work), POSTs each signed, logs every attempt, marks it delivered on a 2xx and otherwise retries with
/// exponential backoff (FirstBackoff · 2^attempts, at most MaxBackoff) — nothing is dropped.
/// </summary>
public sealed class WebhookDispatcher(IServiceScopeFactory scopes, IOptions<WebhookOptions> options, TimeProvider clock, ILogger<WebhookDispatcher> log)
    : BackgroundService
{
    private readonly HttpClient http = new() { Timeout = options.Value.RequestTimeout };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var sent = 0;
            try { sent = await DispatchBatchAsync(stoppingToken); }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception e) { log.LogWarning(e, "Webhook dispatch round failed"); }
            if (sent == 0)
            {
                try { await Task.Delay(options.Value.PollInterval, clock, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    private async Task<int> DispatchBatchAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApprovalsDbContext>();
        var now = clock.GetUtcNow();
        List<WebhookDelivery> due;
        Dictionary<string, DepartmentWebhook> endpoints;
        using (SuppressInstrumentationScope.Begin())
        {
            await db.Database.BeginTransactionAsync(ct);
            due = await db.WebhookDeliveries.FromSql($"""
                SELECT * FROM webhook_deliveries WHERE "DeliveredAt" IS NULL AND "NextAttemptAt" <= {now}
                ORDER BY "CreatedAt" LIMIT 20 FOR UPDATE SKIP LOCKED
                """).ToListAsync(ct);
            var departments = due.Select(d => d.DepartmentCode).Distinct().ToList();
            endpoints = await db.Webhooks.Where(w => departments.Contains(w.DepartmentCode)).ToDictionaryAsync(w => w.DepartmentCode, ct);
        }
        if (due.Count == 0) return 0;

        foreach (var delivery in due)
        {
            endpoints.TryGetValue(delivery.DepartmentCode, out var endpoint);
            var attempt = await AttemptAsync(delivery, endpoint, ct);
            db.WebhookAttempts.Add(attempt);
            delivery.Attempts++;
            if (attempt.StatusCode is >= 200 and < 300)
            {
                delivery.DeliveredAt = attempt.At;
            }
            else
            {
                var backoff = TimeSpan.FromMilliseconds(Math.Min(options.Value.MaxBackoff.TotalMilliseconds,
                    options.Value.FirstBackoff.TotalMilliseconds * Math.Pow(2, delivery.Attempts - 1)));
                delivery.NextAttemptAt = clock.GetUtcNow() + backoff;
            }
        }
        using (SuppressInstrumentationScope.Begin())
        {
            await db.SaveChangesAsync(ct);
            await db.Database.CommitTransactionAsync(ct);
        }
        return due.Count;
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
        try
        {
            using var response = await http.SendAsync(request, ct);
            return new WebhookAttempt { DeliveryId = delivery.Id, Url = endpoint.Url, StatusCode = (int)response.StatusCode, At = started, DurationMs = watch.Elapsed.TotalMilliseconds };
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return new WebhookAttempt { DeliveryId = delivery.Id, Url = endpoint.Url, Error = e.Message, At = started, DurationMs = watch.Elapsed.TotalMilliseconds };
        }
    }
}

using System.Text.Json;
using Approval.Intake.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using static Approval.Intake.Api.ApplicationAccess;

namespace Approval.Intake.Api;

/// <summary>
/// Live progress as server-sent events: every timeline line of the application, in order, each with its
/// entry id as the event id, so a client reconnecting with Last-Event-ID gets only what it has not seen.
/// Implementation: a short database poll (every 500 ms) in a loop that ends when the client disconnects or its token
/// expires (a ": token expired" comment, then the end), at most <see cref="IntakeLimits.StreamsPerAccount"/> streams
/// open per account at once (429 beyond, see <see cref="ProgressStreamGate"/>), with a comment line every 15 s so proxies keep the idle stream open. A poll needs no extra connection held
/// open per subscriber (LISTEN would), and works with any number of Intake replicas writing the timeline.
/// </summary>
public static class ProgressStreamApi
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public sealed record ProgressEventDto(long Id, DateTimeOffset OccurredAt, string Subject, string? ItemCode, int StatusCode, string StatusName,
        string Actor, string Organisation, string? Opinion);

    public static void Map(RouteGroupBuilder applications) =>
        applications.MapGet("/{id:guid}/progress/stream", Stream)
            .Produces<ProgressEventDto>(StatusCodes.Status200OK, "text/event-stream")
            .WithSummary("Live progress as server-sent events; resume with Last-Event-ID / 实时办理进度（SSE）");

    private static async Task Stream(Guid id, HttpContext http, ClaimsPrincipal user, IntakeDbContext db, ProgressStreamGate gate, IOptions<IntakeLimits> limits,
        TimeProvider clock, IAuditLog audit)
    {
        var ct = http.RequestAborted;
        // Refusals go through the exception handler, which answers problem+json even to a client asking only for text/event-stream.
        await FindVisibleAsync(db, id, user, audit, ct);
        var max = limits.Value.StreamsPerAccount;
        using var place = gate.TryEnter(user.UserId(), max) ?? throw new RequestRefusedException(StatusCodes.Status429TooManyRequests,
            "Too many progress streams / 实时进度连接过多", $"An account may have at most {max} progress streams open at once; close one first.",
            $"每个账号同时最多打开{max}个实时进度连接，请先关闭其他连接。");
        // The stream ends when the token does, measured on the clock that validated it (ServiceDefaults: the system clock).
        var remaining = ProgressStreamGate.Remaining(user, http.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult?.Properties, TimeProvider.System.GetUtcNow());
        using var expiry = new CancellationTokenSource(remaining, TimeProvider.System);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, expiry.Token);
        ct = linked.Token;
        var after = long.TryParse(http.Request.Headers["Last-Event-ID"].ToString(), out var resume) ? resume : 0;
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        await http.Response.WriteAsync("retry: 2000\n\n", ct);
        await http.Response.Body.FlushAsync(ct);

        // Entries are sent in id order; one committed late with a smaller id than one already sent is still sent once.
        var sent = new HashSet<long>();
        var lastWrite = clock.GetUtcNow();
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var entries = await db.Progress.AsNoTracking().Where(p => p.ApplicationId == id && p.Id > after)
                    .OrderBy(p => p.Id).ToListAsync(ct);
                foreach (var e in entries.Where(e => sent.Add(e.Id)))
                {
                    var data = JsonSerializer.Serialize(new ProgressEventDto(e.Id, e.OccurredAt, e.Subject, e.ItemCode, e.StatusCode, e.StatusName,
                        e.Actor, e.Organisation, e.Opinion), Json);
                    await http.Response.WriteAsync($"id: {e.Id}\nevent: progress\ndata: {data}\n\n", ct);
                    lastWrite = clock.GetUtcNow();
                }
                if (clock.GetUtcNow() - lastWrite > Heartbeat)
                {
                    await http.Response.WriteAsync(": keep-alive\n\n", ct);
                    lastWrite = clock.GetUtcNow();
                }
                await http.Response.Body.FlushAsync(ct);
                await Task.Delay(PollInterval, clock, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away, or its token expired: the stream ends (a client reconnects with a fresh token and Last-Event-ID).
            if (expiry.IsCancellationRequested && !http.RequestAborted.IsCancellationRequested)
                await http.Response.WriteAsync(": token expired\n\n", CancellationToken.None);
        }
    }
}

using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Approval.Intake.Data;
using Approval.Intake.Domain;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using static Approval.Intake.Api.ApplicationAccess;

namespace Approval.Intake.Api;

/// <summary>
/// Live progress as server-sent events (<c>TypedResults.ServerSentEvents</c>): every timeline line of the
/// application, in order, each with its entry id as the event id, so a client reconnecting with Last-Event-ID gets only
/// what it has not seen. Implementation: a short database poll (every 500 ms) in a loop that ends when the client
/// disconnects or its token expires, at most <see cref="IntakeLimits.StreamsPerAccount"/> streams open per account at
/// once (429 beyond, see <see cref="ProgressStreamGate"/>). The stream opens with a "keep-alive" event carrying
/// "retry: 2000", and sends one again after 15 s without events so proxies keep the idle stream open (an event with
/// empty data: EventSource and the portal never dispatch it). A poll needs no extra connection held open per subscriber
/// (LISTEN would), and works with any number of Intake replicas writing the timeline.
/// </summary>
public static class ProgressStreamApi
{
    public const string ProgressEvent = "progress";
    public const string KeepAliveEvent = "keep-alive";
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

    private static async Task<ServerSentEventsResult<string>> Stream(
        Guid id, HttpContext http, ClaimsPrincipal user, ProgressStreamGate gate, [AsParameters] IntakeServices s)
    {
        // Refusals go through the exception handler, which answers problem+json even to a client asking only for text/event-stream.
        await FindVisibleAsync(s.Db, id, user, s.Audit, http.RequestAborted);
        var max = s.Limits.Value.StreamsPerAccount;
        // The place, like the stream, lasts until the response ends.
        http.Response.RegisterForDispose(gate.TryEnter(user.UserId(), max) ?? throw new RequestRefusedException(StatusCodes.Status429TooManyRequests,
            "Too many progress streams / 实时进度连接过多", $"An account may have at most {max} progress streams open at once; close one first.",
            $"每个账号同时最多打开{max}个实时进度连接，请先关闭其他连接。"));
        // The stream ends when the token does, measured on the clock that validated it (ServiceDefaults: the system clock).
        var remaining = ProgressStreamGate.Remaining(user, http.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult?.Properties, TimeProvider.System.GetUtcNow());
        var expiry = new CancellationTokenSource(remaining, TimeProvider.System);
        var linked = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, expiry.Token);
        http.Response.RegisterForDispose(linked);
        http.Response.RegisterForDispose(expiry);
        var after = long.TryParse(http.Request.Headers["Last-Event-ID"].ToString(), out var resume) ? resume : 0;
        http.Response.Headers["X-Accel-Buffering"] = "no";
        return TypedResults.ServerSentEvents(Events(s.Db, id, after, s.Clock, linked.Token));
    }

    /// <summary>
    /// The application's timeline lines after <paramref name="after"/>, in id order (one committed late with a smaller id
    /// than one already sent is still sent once), with keep-alives while idle; ends when <paramref name="ct"/> is cancelled.
    /// </summary>
    private static async IAsyncEnumerable<SseItem<string>> Events(IntakeDbContext db, Guid id, long after, TimeProvider clock,
        [EnumeratorCancellation] CancellationToken ct)
    {
        yield return new SseItem<string>("", KeepAliveEvent) { ReconnectionInterval = TimeSpan.FromSeconds(2) };
        var sent = new HashSet<long>();
        var lastWrite = clock.GetUtcNow();
        while (await PollAsync(db, id, after, ct) is { } entries)
        {
            foreach (var e in entries.Where(e => sent.Add(e.Id)))
            {
                var data = JsonSerializer.Serialize(new ProgressEventDto(e.Id, e.OccurredAt, e.Subject, e.ItemCode, e.StatusCode, e.StatusName,
                    e.Actor, e.Organisation, e.Opinion), Json);
                yield return new SseItem<string>(data, ProgressEvent) { EventId = e.Id.ToString(CultureInfo.InvariantCulture) };
                lastWrite = clock.GetUtcNow();
            }
            if (clock.GetUtcNow() - lastWrite > Heartbeat)
            {
                yield return new SseItem<string>("", KeepAliveEvent);
                lastWrite = clock.GetUtcNow();
            }
            if (!await WaitAsync(clock, ct)) yield break;
        }
    }

    /// <summary>The entries after <paramref name="after"/>; null once the client went away or its token expired.</summary>
    private static async Task<List<ProgressEntry>?> PollAsync(IntakeDbContext db, Guid id, long after, CancellationToken ct)
    {
        try
        {
            return await db.Progress.AsNoTracking().Where(p => p.ApplicationId == id && p.Id > after).OrderBy(p => p.Id).ToListAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return null;
        }
    }

    private static async Task<bool> WaitAsync(TimeProvider clock, CancellationToken ct)
    {
        try
        {
            await Task.Delay(PollInterval, clock, ct);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}

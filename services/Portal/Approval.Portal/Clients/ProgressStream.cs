using System.Runtime.CompilerServices;
using System.Net.ServerSentEvents;

namespace Approval.Portal.Clients;

/// <summary>One server-sent event: its id (null when the event sets none), its type ("message" unless named) and its data lines joined by "\n".</summary>
public sealed record ServerSentEvent(string? Id, string Event, string Data);

/// <summary>Whether a followed stream is connected (实时更新中) or between attempts (连接中断，正在重连).</summary>
public enum StreamState { Connecting, Live, Interrupted }

/// <summary>
/// Follows Intake's progress stream (text/event-stream, docs/intake.md): parses the events, and after a drop opens the
/// stream again with Last-Event-ID = the last id received, waiting 1, 2, 4 … up to 15 s between failed attempts
/// (reset once a connection delivered something). Ends only when the token is cancelled (the page closed).
/// </summary>
public static class ProgressStream
{
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(15);

    /// <summary>The wait before the given (1-based) consecutive failed attempt: 1 s, 2 s, 4 s, 8 s, then 15 s.</summary>
    public static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, Math.Clamp(attempt - 1, 0, 10))));

    /// <summary>
    /// Keeps a stream open: <paramref name="open"/> is called with the last event id seen (null at first) and returns the
    /// response body; each event goes to <paramref name="onEvent"/>; <paramref name="onState"/> hears Live when a stream is
    /// open and Interrupted when it ended or could not be opened. <paramref name="backoff"/> defaults to <see cref="Backoff"/>.
    /// </summary>
    public static async Task FollowAsync(Func<string?, CancellationToken, Task<Stream>> open, Func<ServerSentEvent, Task> onEvent,
        Func<StreamState, Task> onState, CancellationToken ct, Func<int, TimeSpan>? backoff = null)
    {
        string? lastEventId = null;
        var failures = 0;
        while (!ct.IsCancellationRequested)
        {
            var received = false;
            try
            {
                await using var body = await open(lastEventId, ct);
                await onState(StreamState.Live);
                await foreach (var e in ReadAsync(body, ct))
                {
                    received = true;
                    if (e.Id is not null) lastEventId = e.Id;
                    await onEvent(e);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is ApiProblem or HttpRequestException or IOException or OperationCanceledException)
            {
                // dropped or refused: wait, then open again from the last id received
            }
            failures = received ? 1 : failures + 1;
            await onState(StreamState.Interrupted);
            try
            {
                await Task.Delay((backoff ?? Backoff)(failures), ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Parses text/event-stream with System.Net.ServerSentEvents (<see cref="SseParser"/>, WHATWG HTML §9.2): comments and
    /// "retry" are skipped (the backoff is ours), the id persists to later events, a last event without its blank line
    /// is not dispatched; an event with empty data (Intake's keep-alive) is not dispatched either, as EventSource does.
    /// </summary>
    public static async IAsyncEnumerable<ServerSentEvent> ReadAsync(Stream body, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var parser = SseParser.Create(body);
        await foreach (var item in parser.EnumerateAsync(ct))
        {
            if (item.Data.Length > 0) yield return new ServerSentEvent(parser.LastEventId.Length > 0 ? parser.LastEventId : null, item.EventType, item.Data);
        }
    }
}

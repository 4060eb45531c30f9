using System.IO.Pipelines;
using System.Text;
using Approval.Portal.Clients;

namespace Approval.UnitTests;

/// <summary>The portal's reader of Intake's progress stream: SSE parsing, and reconnecting with Last-Event-ID.</summary>
public sealed class ProgressStreamTests
{
    private static MemoryStream Body(string text) => new(Encoding.UTF8.GetBytes(text));

    private static async Task<List<ServerSentEvent>> ReadAll(string text)
    {
        var events = new List<ServerSentEvent>();
        await foreach (var e in ProgressStream.ReadAsync(Body(text))) events.Add(e);
        return events;
    }

    [Fact]
    public async Task Reads_intakes_events_and_skips_retry_and_keep_alive_lines()
    {
        var events = await ReadAll(
            "retry: 2000\n\n" +
            "id: 41\nevent: progress\ndata: {\"id\":41,\"statusCode\":1,\"statusName\":\"已接件\"}\n\n" +
            ": keep-alive\n\n" +
            "event: keep-alive\ndata: \n\n" +
            "id: 42\nevent: progress\ndata: {\"id\":42,\"statusCode\":3,\"statusName\":\"已受理\"}\n\n");

        Assert.Equal(2, events.Count);
        Assert.Equal(new ServerSentEvent("41", "progress", "{\"id\":41,\"statusCode\":1,\"statusName\":\"已接件\"}"), events[0]);
        Assert.Equal("42", events[1].Id);
        Assert.Contains("已受理", events[1].Data);
    }

    [Fact]
    public async Task Joins_data_lines_keeps_the_id_and_drops_events_without_data_or_end()
    {
        var events = await ReadAll(
            "id: 7\r\ndata: first\r\ndata:second\r\n\r\n" + // CRLF, a value without the optional space
            "event: progress\n\n" +                        // no data: not dispatched
            "event: keep-alive\ndata: \n\n" +             // empty data (Intake's keep-alive): not dispatched, as EventSource does
            "data\n\n" +                                    // a field without colon: empty data, not dispatched either
            "event: progress\ndata: third\n\n" +            // the id persists
            "id: 9\ndata: cut off");                        // no blank line at the end: incomplete

        Assert.Equal(2, events.Count);
        Assert.Equal(new ServerSentEvent("7", "message", "first\nsecond"), events[0]);
        Assert.Equal(new ServerSentEvent("7", "progress", "third"), events[1]);
    }

    [Fact]
    public void Backoff_doubles_up_to_fifteen_seconds()
    {
        Assert.Equal([1, 2, 4, 8, 15, 15], Enumerable.Range(1, 6).Select(a => ProgressStream.Backoff(a).TotalSeconds));
    }

    [Fact]
    public async Task After_a_drop_it_opens_again_from_the_last_event_id_with_backoff()
    {
        using var stop = new CancellationTokenSource();
        var asked = new List<string?>();
        var waits = new List<int>();
        var received = new List<string?>();
        var states = new List<StreamState>();
        var bodies = new Queue<Func<Stream>>([
            () => Body("id: 1\nevent: progress\ndata: a\n\nid: 2\nevent: progress\ndata: b\n\n"), // ends: the server closed it
            () => throw new HttpRequestException("connection refused"),
            () => throw new ApiProblem(System.Net.HttpStatusCode.BadGateway, "网关错误", new Dictionary<string, string[]>()),
            () => Body("id: 3\nevent: progress\ndata: c\n\n"),
        ]);

        await ProgressStream.FollowAsync(
            (lastEventId, _) =>
            {
                asked.Add(lastEventId);
                return Task.FromResult(bodies.Dequeue()());
            },
            e =>
            {
                received.Add(e.Id);
                if (e.Id == "3") stop.Cancel();
                return Task.CompletedTask;
            },
            s => { states.Add(s); return Task.CompletedTask; },
            stop.Token,
            attempt => { waits.Add(attempt); return TimeSpan.Zero; }).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["1", "2", "3"], received);
        Assert.Equal([null, "2", "2", "2"], asked);
        Assert.Equal([1, 2, 3], waits); // failures counted from the last stream that delivered
        Assert.Equal([StreamState.Live, StreamState.Interrupted, StreamState.Interrupted, StreamState.Interrupted, StreamState.Live], states);
    }

    [Fact]
    public async Task Closing_the_page_ends_a_stream_that_is_waiting_for_events()
    {
        using var stop = new CancellationTokenSource();
        var idle = new Pipe(); // nothing is ever written: the read waits like an idle stream
        var states = new List<StreamState>();
        var following = ProgressStream.FollowAsync((_, _) => Task.FromResult(idle.Reader.AsStream()), _ => Task.CompletedTask,
            s =>
            {
                states.Add(s);
                if (s == StreamState.Live) stop.Cancel();
                return Task.CompletedTask;
            }, stop.Token);

        await following.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal([StreamState.Live], states);
    }
}

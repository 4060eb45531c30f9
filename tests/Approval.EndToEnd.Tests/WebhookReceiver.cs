using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;

namespace Approval.EndToEnd.Tests;

/// <summary>
/// A department system on 127.0.0.2 — the one internal address the suite lets Approvals reach
/// (Approval:Webhooks:AllowedNetworks, see SuiteFixture) — that answers 503 to its first <c>failures</c> requests,
/// then 200, and keeps what it received. A custom <c>answer</c> may set the status and headers itself (a redirect)
/// or wait (a slow receiver).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    public const string Host = "127.0.0.2";
    public const string AllowedNetwork = Host + "/32";

    private readonly HttpListener listener = new();
    private readonly Task loop;
    private readonly Func<HttpListenerResponse, Task<int>> answer;
    private readonly CancellationTokenSource closing = new();
    private int failuresLeft;

    public WebhookReceiver(int failures) : this(null) => failuresLeft = failures;

    public WebhookReceiver(Func<HttpListenerResponse, CancellationToken, Task<int>>? answer)
    {
        this.answer = answer is null
            ? _ => Task.FromResult(Interlocked.Decrement(ref failuresLeft) >= 0 ? 503 : 200)
            : response => answer(response, closing.Token);
        var probe = new TcpListener(IPAddress.Parse(Host), 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://{Host}:{port}/hooks/";
        listener.Prefixes.Add(Url);
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public string Url { get; }

    /// <summary>Every request: the headers that matter, the body and the status answered.</summary>
    public ConcurrentQueue<(Dictionary<string, string> Headers, string Body, int Status)> Received { get; } = new();

    /// <summary>Requests that arrived, counted before the answer (a slow receiver has them while it waits).</summary>
    public int Arrived => arrived;
    private int arrived;

    private async Task ServeAsync()
    {
        var pending = new List<Task>();
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { break; }
            pending.Add(Task.Run(() => HandleAsync(context)));
        }
        await Task.WhenAll(pending);
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        Interlocked.Increment(ref arrived);
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var headers = context.Request.Headers.AllKeys.Where(k => k!.StartsWith("X-Approval-", StringComparison.Ordinal))
            .ToDictionary(k => k!, k => context.Request.Headers[k]!);
        int status;
        try { status = await answer(context.Response); }
        catch (OperationCanceledException) { status = 503; }
        Received.Enqueue((headers, body, status));
        try
        {
            context.Response.StatusCode = status;
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
        {
            // The caller gave up (its timeout) or the listener closed.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await closing.CancelAsync();
        listener.Stop();
        listener.Close();
        await loop;
        closing.Dispose();
    }
}

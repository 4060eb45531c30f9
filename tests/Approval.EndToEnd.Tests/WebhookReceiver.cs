using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;

namespace Approval.EndToEnd.Tests;

/// <summary>A department system on 127.0.0.1 that answers 503 to its first <c>failures</c> requests, then 200, and keeps what it received.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly Task loop;
    private int failuresLeft;

    public WebhookReceiver(int failures)
    {
        failuresLeft = failures;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://127.0.0.1:{port}/hooks/";
        listener.Prefixes.Add(Url);
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public string Url { get; }

    /// <summary>Every request: the headers that matter, the body and the status answered.</summary>
    public ConcurrentQueue<(Dictionary<string, string> Headers, string Body, int Status)> Received { get; } = new();

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var status = Interlocked.Decrement(ref failuresLeft) >= 0 ? 503 : 200;
            var headers = context.Request.Headers.AllKeys.Where(k => k!.StartsWith("X-Approval-", StringComparison.Ordinal))
                .ToDictionary(k => k!, k => context.Request.Headers[k]!);
            Received.Enqueue((headers, body, status));
            context.Response.StatusCode = status;
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        listener.Close();
        await loop;
    }
}

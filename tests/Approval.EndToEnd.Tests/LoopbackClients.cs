using System.Net;
using System.Net.Sockets;

namespace Approval.EndToEnd.Tests;

/// <summary>
/// Clients of the gateway that connect from a loopback address of their own (any 127.x.y.z reaches 127.0.0.1 on
/// Linux), so the gateway sees a distinct client address: a rate-limit test exhausts only its own allowance, and
/// the audit record of a request shows the client's address rather than the gateway's (127.0.0.1).
/// </summary>
public static class LoopbackClients
{
    /// <summary>A fresh client address in 127.0.0.0/8, never 127.0.0.1 (the suite's own address, and the gateway's).</summary>
    public static IPAddress NewAddress() =>
        new([127, (byte)Random.Shared.Next(1, 255), (byte)Random.Shared.Next(0, 256), (byte)Random.Shared.Next(2, 255)]);

    public static HttpClient From(IPAddress source, Uri gateway) =>
        new(Handler(source)) { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>
    /// A client of its own address when the gateway is on this machine's loopback (as in the suite and the bench), so
    /// many simulated people are as many client addresses to the gateway's per-address rate limits; otherwise a plain one.
    /// </summary>
    public static HttpClient ForOnePerson(Uri gateway, CookieContainer? cookies = null) =>
        new(gateway.IsLoopback ? Handler(NewAddress(), cookies) : new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = cookies ?? new() })
        { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(30) };

    private static SocketsHttpHandler Handler(IPAddress source, CookieContainer? cookies = null) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = cookies is not null,
        CookieContainer = cookies ?? new(),
        ConnectCallback = async (context, ct) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(source, 0));
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, context.DnsEndPoint.Port), ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}

using System.Net;
using System.Net.Sockets;

namespace Approval.Messaging.Systems;

/// <summary>
/// The SSRF checks of a webhook URL: at registration (scheme, no user-info, length, every address the host resolves
/// to) and at send time, where <see cref="CreateHandler"/> resolves the host again and connects only to a checked
/// address (a DNS answer that changed since registration — DNS rebinding — is refused there).
/// </summary>
public sealed class WebhookTarget(WebhookAddressPolicy policy)
{
    public const int MaxUrlLength = 2000;
    private static readonly TimeSpan ResolveTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Null when the URL may be registered, else why not (English, Chinese).</summary>
    public async Task<(string English, string Chinese)?> ProblemAsync(string? url, CancellationToken ct)
    {
        if (url is null || url.Length > MaxUrlLength || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return ($"must be an absolute http(s) URL of at most {MaxUrlLength} characters", $"推送地址必须是完整的http(s)地址，最多{MaxUrlLength}个字符");
        if (uri.UserInfo.Length > 0)
            return ("must not carry a user name or password", "推送地址不得包含用户名或密码");
        IPAddress[] addresses;
        try
        {
            addresses = await ResolveAsync(uri.IdnHost, ct);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ArgumentException && !ct.IsCancellationRequested)
        {
            return ($"its host {uri.Host} cannot be resolved", $"无法解析推送地址的主机名{uri.Host}");
        }
        return addresses.Length > 0 && addresses.All(policy.IsAllowed)
            ? null
            : ("must reach a public address: loopback, private, link-local, metadata and other internal addresses are refused",
                "推送地址必须是公网地址，不得指向本机、内网、链路本地、云元数据等内部地址");
    }

    /// <summary>No proxy (it would connect for us, unchecked), no redirects (a 3xx is a failed delivery), checked connects.</summary>
    public SocketsHttpHandler CreateHandler() => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(1),
        ConnectCallback = async (context, ct) =>
        {
            var addresses = await ResolveAsync(context.DnsEndPoint.Host, ct);
            if (addresses.Length == 0 || !addresses.All(policy.IsAllowed)) throw new WebhookAddressRefusedException();
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct)
    {
        var bare = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        if (IPAddress.TryParse(bare, out var literal)) return [literal];
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(ResolveTimeout);
        return await Dns.GetHostAddressesAsync(bare, timeout.Token);
    }
}

/// <summary>The webhook's host resolved to an address the policy refuses; the delivery log says only that.</summary>
public sealed class WebhookAddressRefusedException() : Exception("refused: address not allowed");

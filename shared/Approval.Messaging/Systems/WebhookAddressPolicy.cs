using System.Net;
using System.Net.Sockets;

namespace Approval.Messaging.Systems;

/// <summary>
/// Which addresses an organisation system's webhook may reach (SSRF guard): public unicast addresses only, unless the
/// deployment lists a network in <c>Approval:Webhooks:AllowedNetworks</c> (CIDR). Refused: unspecified, loopback,
/// private (RFC 1918, 100.64/10 CGNAT — also Alibaba Cloud's metadata 100.100.100.200 — fc00::/7), link-local
/// (169.254/16 with the 169.254.169.254 metadata endpoint, fe80::/10), multicast, broadcast, reserved and documentation
/// ranges; IPv6 forms that carry an IPv4 address (mapped, compatible, NAT64, 6to4) are judged by that IPv4 address.
/// </summary>
public sealed class WebhookAddressPolicy(IEnumerable<IPNetwork> allowed)
{
    private static readonly IPNetwork[] RefusedV4 = Parse(
        "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24",
        "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24",
        "224.0.0.0/4", "240.0.0.0/4");

    private static readonly IPNetwork[] RefusedV6 = Parse(
        "::/128", "::1/128", "100::/64", "2001::/32", "2001:db8::/32", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8");

    private readonly IPNetwork[] allowed = allowed.ToArray();

    /// <summary>Reads <c>AllowedNetworks</c>; a malformed entry stops the start (a deployment learns of its typo at once).</summary>
    public static WebhookAddressPolicy From(WebhookOptions options) => new(options.AllowedNetworks.Select(n =>
        IPNetwork.TryParse(n.Trim(), out var network)
            ? network
            : throw new InvalidOperationException($"Approval:Webhooks:AllowedNetworks: '{n}' is not a CIDR network such as 10.1.0.0/16.")));

    public bool IsAllowed(IPAddress address)
    {
        var normal = Normalise(address);
        return allowed.Any(n => n.Contains(normal)) || IsPublic(normal);
    }

    /// <summary>A public unicast address, with no deployment exception.</summary>
    public static bool IsPublic(IPAddress address)
    {
        var normal = Normalise(address);
        return normal.AddressFamily switch
        {
            AddressFamily.InterNetwork => !RefusedV4.Any(n => n.Contains(normal)),
            AddressFamily.InterNetworkV6 => !RefusedV6.Any(n => n.Contains(normal)),
            _ => false,
        };
    }

    /// <summary>An IPv6 address that carries an IPv4 address (::ffff:a.b.c.d, ::a.b.c.d, 64:ff9b::a.b.c.d, 2002:AABB:CCDD::) becomes that IPv4 address.</summary>
    public static IPAddress Normalise(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address;
        if (address.IsIPv4MappedToIPv6) return address.MapToIPv4();
        var b = address.GetAddressBytes();
        if (b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0 && !(b[12] == 0 && b[13] == 0 && b[14] == 0 && b[15] <= 1))
            return new IPAddress(b.AsSpan(12, 4)); // IPv4-compatible ::a.b.c.d (:: and ::1 stay IPv6)
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0)
            return new IPAddress(b.AsSpan(12, 4)); // NAT64 64:ff9b::/96
        if (b[0] == 0x20 && b[1] == 0x02)
            return new IPAddress(b.AsSpan(2, 4)); // 6to4 2002::/16
        return address;
    }

    private static IPNetwork[] Parse(params string[] networks) => networks.Select(IPNetwork.Parse).ToArray();
}

using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using Approval.Messaging.Systems;

namespace Approval.UnitTests;

/// <summary>Issue 13, webhook SSRF: which addresses a department system's webhook may reach.</summary>
public sealed class WebhookAddressPolicyTests
{
    public static TheoryData<string, bool> Addresses => new()
    {
        // Public unicast: allowed.
        { "8.8.8.8", true },
        { "114.114.114.114", true },
        { "203.119.25.1", true },
        { "2400:3200::1", true },
        { "2002:808:808::1", true },   // 6to4 of 8.8.8.8
        { "64:ff9b::808:808", true },  // NAT64 of 8.8.8.8
        // Refused.
        { "127.0.0.1", false },
        { "127.255.255.254", false },
        { "0.0.0.0", false },
        { "10.0.0.1", false },
        { "172.16.0.1", false },
        { "172.31.255.255", false },
        { "192.168.1.1", false },
        { "100.64.0.1", false },
        { "100.100.100.200", false },  // Alibaba Cloud metadata
        { "169.254.169.254", false },  // cloud metadata
        { "169.254.0.1", false },
        { "224.0.0.1", false },
        { "239.255.255.250", false },
        { "255.255.255.255", false },
        { "240.0.0.1", false },
        { "198.18.0.1", false },
        { "192.0.2.1", false },
        { "::", false },
        { "::1", false },
        { "::ffff:127.0.0.1", false },
        { "::ffff:169.254.169.254", false },
        { "::ffff:10.0.0.1", false },
        { "::127.0.0.1", false },      // IPv4-compatible
        { "::a00:1", false },          // ::10.0.0.1
        { "64:ff9b::7f00:1", false },  // NAT64 of 127.0.0.1
        { "2002:7f00:1::1", false },   // 6to4 of 127.0.0.1
        { "fc00::1", false },
        { "fd00:ec2::254", false },    // AWS IPv6 metadata
        { "fe80::1", false },
        { "fec0::1", false },
        { "ff02::1", false },
        { "2001:db8::1", false },
        { "2001:0:4136:e378::1", false }, // Teredo
    };

    [Theory]
    [MemberData(nameof(Addresses))]
    public void Only_public_unicast_addresses_are_allowed_by_default(string address, bool allowed) =>
        Assert.Equal(allowed, new WebhookAddressPolicy([]).IsAllowed(IPAddress.Parse(address)));

    [Theory]
    [InlineData("127.0.0.2", true)]
    [InlineData("::ffff:127.0.0.2", true)]
    [InlineData("127.0.0.1", false)]
    [InlineData("127.0.0.3", false)]
    [InlineData("10.1.2.3", true)]
    [InlineData("10.2.0.1", false)]
    [InlineData("169.254.169.254", false)]
    public void A_configured_network_is_allowed_and_nothing_beside_it(string address, bool allowed)
    {
        var policy = WebhookAddressPolicy.From(new WebhookOptions { AllowedNetworks = ["127.0.0.2/32", " 10.1.0.0/16 "] });
        Assert.Equal(allowed, policy.IsAllowed(IPAddress.Parse(address)));
    }

    [Fact]
    public void A_malformed_allowed_network_stops_the_start()
    {
        var e = Assert.Throws<InvalidOperationException>(() => WebhookAddressPolicy.From(new WebhookOptions { AllowedNetworks = ["10.0.0.0/33"] }));
        Assert.Contains("10.0.0.0/33", e.Message);
    }

    [Theory]
    [InlineData("http://127.0.0.1/")]
    [InlineData("http://localhost/")]
    [InlineData("http://[::ffff:127.0.0.1]/")]
    [InlineData("http://2130706433/")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://user:pw@8.8.8.8/")]
    [InlineData("ftp://8.8.8.8/")]
    [InlineData("/relative")]
    public async Task Registration_refuses_internal_and_malformed_urls(string url) =>
        Assert.NotNull(await new WebhookTarget(new WebhookAddressPolicy([])).ProblemAsync(url, CancellationToken.None));

    [Fact]
    public async Task Registration_accepts_a_public_address()
    {
        Assert.Null(await new WebhookTarget(new WebhookAddressPolicy([])).ProblemAsync("https://8.8.8.8:8443/hooks", CancellationToken.None));
    }

    [Fact]
    public async Task At_send_time_a_refused_address_is_never_connected_and_the_reason_is_short()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var http = new HttpClient(new WebhookTarget(new WebhookAddressPolicy([])).CreateHandler());
        var e = await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync($"http://127.0.0.1:{port}/"));
        Assert.Equal("refused: address not allowed", WebhookDispatcher.ShortReason(e));
        Assert.False(listener.Pending());
    }

    [Fact]
    public void Failures_are_logged_by_a_short_reason_never_the_exception_text()
    {
        Assert.Equal("timeout", WebhookDispatcher.ShortReason(new TaskCanceledException("A task was canceled after 10s")));
        Assert.Equal("unreachable", WebhookDispatcher.ShortReason(new HttpRequestException(HttpRequestError.ConnectionError,
            "Connection refused (10.0.0.5:5432)", new SocketException((int)SocketError.ConnectionRefused))));
        Assert.Equal("failed: no valid HTTP answer", WebhookDispatcher.ShortReason(new HttpRequestException(HttpRequestError.InvalidResponse, "The response ended prematurely: SSH-2.0-OpenSSH")));
    }
}

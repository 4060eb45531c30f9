using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using IPNetwork = System.Net.IPNetwork;

namespace Approval.ServiceDefaults.Http;

/// <summary>
/// Whose X-Forwarded-* headers a process believes: only those of the proxies listed in configuration
/// ({section}:KnownProxies, addresses; {section}:KnownNetworks, CIDR ranges). Anyone else's are ignored, so a
/// client cannot choose the address the audit log and the rate limits see.
/// </summary>
public static class TrustedProxies
{
    /// <summary>The services' section: by default the gateway on the same machine (loopback) counts; a cluster lists its pod network.</summary>
    public const string ServicesSection = "Approval:ForwardedHeaders";

    public static IHostApplicationBuilder AddTrustedProxies(this IHostApplicationBuilder builder, string section, bool loopbackByDefault, ForwardedHeaders headers)
    {
        var proxies = builder.Configuration.GetSection($"{section}:KnownProxies").Get<string[]>() ?? [];
        var networks = builder.Configuration.GetSection($"{section}:KnownNetworks").Get<string[]>() ?? [];
        var knownProxies = proxies.Select(p => IPAddress.TryParse(p, out var a) ? a
            : throw new InvalidOperationException($"{section}:KnownProxies: '{p}' is not an IP address.")).ToList();
        var knownNetworks = networks.Select(n => IPNetwork.TryParse(n, out var net) ? net
            : throw new InvalidOperationException($"{section}:KnownNetworks: '{n}' is not a CIDR range (e.g. 10.0.0.0/8).")).ToList();
        if (knownProxies.Count == 0 && knownNetworks.Count == 0 && loopbackByDefault)
        {
            knownNetworks.Add(IPNetwork.Parse("127.0.0.0/8"));
            knownProxies.Add(IPAddress.IPv6Loopback);
        }
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            // With both lists empty ASP.NET Core would trust every sender: trusting no one means reading no forwarded header.
            o.ForwardedHeaders = knownProxies.Count == 0 && knownNetworks.Count == 0 ? ForwardedHeaders.None : headers;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var p in knownProxies) o.KnownProxies.Add(p);
            foreach (var n in knownNetworks) o.KnownIPNetworks.Add(n);
        });
        return builder;
    }
}

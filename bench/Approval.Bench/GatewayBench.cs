using System.Diagnostics;
using System.Net.Http.Headers;

namespace Approval.Bench;

/// <summary>
/// The gateway's own cost on one database-backed read: the applicant's project (<c>GET /api/projects/{code}</c>, token
/// validated, one row read) asked through the gateway and directly at the Projects service's address (the one the gateway
/// forwards to), alternately, one request at a time, so both sides see the same machine. Prints median and p99 of each,
/// the overhead (median difference) and the ratio.
/// </summary>
public static class GatewayBench
{
    private const string Path = "/api/projects/2509-320193-89-01-544060";

    public static async Task<int> RunAsync(Uri gateway, Uri direct, int pairs = 400)
    {
        // The demo project exists: the loads before registered it (CaseDriver); without it every request is a 404 and says so.
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var token = await new DemoTokens(gateway).ForAsync("applicant-demo");
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var through = new List<double>(pairs);
        var straight = new List<double>(pairs);
        for (var i = -20; i < pairs; i++)
        {
            // alternate which goes first, so neither side always meets a cache the other just warmed
            var first = i % 2 == 0;
            var a = await TimeAsync(http, first ? gateway : direct);
            var b = await TimeAsync(http, first ? direct : gateway);
            if (i < 0) continue;
            (first ? through : straight).Add(a);
            (first ? straight : through).Add(b);
        }
        double[] g = [.. through.Order()], d = [.. straight.Order()];
        double gm = Latencies.Percentile(g, 0.5), dm = Latencies.Percentile(d, 0.5);
        Console.WriteLine($"GATEWAY OVERHEAD on GET /api/projects/{{code}} ({pairs} pairs, one at a time):");
        Console.WriteLine($"  through the gateway  median {gm:0.00} ms, p99 {Latencies.Percentile(g, 0.99):0.00} ms");
        Console.WriteLine($"  direct to projects   median {dm:0.00} ms, p99 {Latencies.Percentile(d, 0.99):0.00} ms");
        Console.WriteLine($"  overhead {gm - dm:0.00} ms per request (median), ratio {gm / dm:0.00}");
        return 0;
    }

    private static async Task<double> TimeAsync(HttpClient http, Uri at)
    {
        var watch = Stopwatch.StartNew();
        using var response = await http.GetAsync(new Uri(at, Path));
        await response.Content.ReadAsByteArrayAsync();
        var elapsed = watch.Elapsed.TotalMilliseconds;
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"GET {new Uri(at, Path)}: {(int)response.StatusCode}");
        return elapsed;
    }
}

using System.Diagnostics;

namespace Approval.Bench;

/// <summary>
/// Completed cases per second through the gateway: a fixed number of concurrent applicants each
/// run cases back to back for the given time. Prints cases/s and per-request-type median and p99 latency.
/// </summary>
public static class Load
{
    private const int Workers = 8;

    public static async Task<int> RunAsync(Uri gateway, TimeSpan duration, CaseShape shape)
    {
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Workers * 2 }) { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(60) };
        // One warm-up case so JIT and connection pools do not count.
        await new CaseDriver(http, new Latencies()).RunAsync("预热", shape, CancellationToken.None);

        var latencies = new Latencies();
        var completed = 0;
        var failed = 0;
        using var stop = new CancellationTokenSource(duration);
        var clock = Stopwatch.StartNew();
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        Console.WriteLine($"Driving {shape.Name} cases with {Workers} concurrent applicants for {duration.TotalSeconds:F0} s …");
        var progress = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try { await Task.Delay(TimeSpan.FromSeconds(10), stop.Token); } catch (OperationCanceledException) { break; }
                Console.WriteLine($"  {clock.Elapsed.TotalSeconds,4:F0} s: {Volatile.Read(ref completed)} cases completed");
            }
        });
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(async w =>
        {
            var driver = new CaseDriver(http, latencies);
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await driver.RunAsync($"压测项目-{w}", shape, stop.Token);
                    Interlocked.Increment(ref completed);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
                catch (Exception e)
                {
                    Interlocked.Increment(ref failed);
                    Console.Error.WriteLine($"  case failed: {e.Message}");
                }
            }
        }));
        await progress;
        var seconds = clock.Elapsed.TotalSeconds;
        var driverCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;

        Console.WriteLine();
        Console.WriteLine($"{shape.Name} cases completed: {completed} in {seconds:F1} s = {completed / seconds:F2} cases/s ({failed} failed, {Workers} workers)");
        // The driver shares the cores with the suite: its own CPU (requests, polling for outcomes) is not the suite's.
        Console.WriteLine($"driver CPU: {driverCpu:F1} s = {driverCpu / Math.Max(completed, 1):F3} s per completed case");
        Console.WriteLine($"{"request type",-12} {"count",7} {"median ms",10} {"p99 ms",10}");
        foreach (var (type, count, median, p99) in latencies.Summary())
            Console.WriteLine($"{type,-12} {count,7} {median,10:F1} {p99,10:F1}");
        return failed == 0 ? 0 : 1;
    }
}

using System.Diagnostics;

namespace Approval.Faults.Tests;

/// <summary>
/// The run's PostgreSQL and RabbitMQ, restarted and inspected through shared/scripts/server-control.sh, which touches only
/// the servers recorded in the run's data folder (APPROVAL_TEST_DATA, exported by ./approval test and ./approval faults).
/// </summary>
internal static class ServerFaults
{
    private static string Data => Environment.GetEnvironmentVariable("APPROVAL_TEST_DATA") is { Length: > 0 } data
        ? data
        : throw new InvalidOperationException("APPROVAL_TEST_DATA is not set: run the fault tests through ./approval test or ./approval faults.");

    public static Task RestartPostgresAsync() => RunAsync("postgres-restart");
    public static Task RestartRabbitMqAsync() => RunAsync("rabbitmq-restart");
    public static Task CreateVhostAsync(string name) => RunAsync("vhost", name);

    /// <summary>The run's RabbitMQ address on virtual host <paramref name="vhost"/>.</summary>
    public static Uri RabbitMqOn(string vhost) => new UriBuilder(TestServers.RabbitMq) { Path = "/" + vhost }.Uri;

    /// <summary>Every queue of the virtual host with the messages it holds.</summary>
    public static async Task<IReadOnlyList<(string Queue, long Messages)>> QueuesAsync(string vhost) =>
        (await RunAsync("queues", vhost)).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t', ' ')).Where(f => f.Length >= 2 && long.TryParse(f[^1], out _))
            .Select(f => (f[0], long.Parse(f[^1]))).ToList();

    private static async Task<string> RunAsync(params string[] operation)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(RepoPaths.Root(), "shared", "scripts", "server-control.sh"), Data }.Concat(operation))
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(deadline.Token);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"server-control.sh {string.Join(' ', operation)} failed ({process.ExitCode}): {await error}");
        return await output;
    }
}

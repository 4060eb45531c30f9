using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Faults.Tests;

/// <summary>
/// A service of the started suite killed as a crash would kill it — SIGKILL to its own process, no shutdown, no flush —
/// and started again the way the AppHost starts it (Aspire's resource-start command), then awaited healthy.
/// </summary>
internal sealed class ServiceKills(DistributedApplication app)
{
    /// <summary>Kills <paramref name="resource"/> and starts it again; returns how long it was not healthy.</summary>
    public async Task<TimeSpan> KillAndRestartAsync(string resource, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var notifications = app.ResourceNotifications;
        if (!notifications.TryGetCurrentState(resource, out var current))
            throw new InvalidOperationException($"The suite has no resource {resource}.");
        var pid = current.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is IConvertible value
            ? value.ToInt32(null) : 0;
        if (pid <= 0) throw new InvalidOperationException($"{resource} has no process id ({current.Snapshot.State?.Text}).");
        // A project runs under `dotnet run`: the service is its child; killing the child is the crash, and dotnet run ends with it.
        var victims = Children(pid) is { Count: > 0 } children ? children : [pid];
        foreach (var victim in victims)
        {
            using var process = Process.GetProcessById(victim);
            process.Kill();  // SIGKILL on Linux
        }
        await notifications.WaitForResourceAsync(resource,
            e => e.Snapshot.State?.Text is "Exited" or "Finished" or "FailedToStart", ct);
        var result = await app.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(resource, "resource-start", ct);
        if (!result.Success) throw new InvalidOperationException($"{resource} did not start again: {result.Message}");
        await notifications.WaitForResourceHealthyAsync(resource, ct);
        return watch.Elapsed;
    }

    private static List<int> Children(int pid)
    {
        var file = $"/proc/{pid}/task/{pid}/children";
        return File.Exists(file)
            ? File.ReadAllText(file).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList()
            : [];
    }
}

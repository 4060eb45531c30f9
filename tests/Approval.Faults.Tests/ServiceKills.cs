using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Faults.Tests;

/// <summary>
/// A service of the started suite killed as a crash would kill it — SIGKILL to its own process, no shutdown, no flush —
/// and started again the way the AppHost starts it (Aspire's resource-start command), then awaited healthy.
/// </summary>
internal sealed class ServiceKills(DistributedApplication app, ResourceLogs logs)
{
    /// <summary>
    /// How long a started service may take to answer /health before it is killed and started once more, as a cluster's
    /// startup probe would (charts/: 5 minutes on /alive). A restart under the fault load takes 5–31 s on two cores; 2 minutes
    /// unless APPROVAL_FAULTS_STARTUP_SECONDS says.
    /// </summary>
    public static readonly TimeSpan StartupWindow = TimeSpan.FromSeconds(
        int.TryParse(Environment.GetEnvironmentVariable("APPROVAL_FAULTS_STARTUP_SECONDS"), out var seconds) && seconds > 0 ? seconds : 120);

    /// <summary>
    /// Kills <paramref name="resource"/> and starts it again; a start not healthy within <see cref="StartupWindow"/> is
    /// killed and started once more, a second such start fails. Returns what each start that hung had written (its last
    /// log lines), none when the first start came up.
    /// </summary>
    public async Task<IReadOnlyList<string>> KillAndRestartAsync(string resource, CancellationToken ct)
    {
        var hung = new List<string>();
        await KillAsync(resource, ct);
        while (true)
        {
            var result = await app.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(resource, "resource-start", ct);
            if (!result.Success) throw new InvalidOperationException($"{resource} did not start again: {result.Message}");
            using var window = CancellationTokenSource.CreateLinkedTokenSource(ct);
            window.CancelAfter(StartupWindow);
            try
            {
                await app.ResourceNotifications.WaitForResourceHealthyAsync(resource, window.Token);
                return hung;
            }
            catch (OperationCanceledException e)
            {
                var what = $"{resource} was not healthy {StartupWindow.TotalSeconds:F0} s after start {hung.Count + 1}; its last log lines:\n{logs.Tail(resource)}";
                if (hung.Count > 0 || ct.IsCancellationRequested) throw new TimeoutException(string.Join("\n\n", hung.Append(what)), e);
                hung.Add(what);
                await KillAsync(resource, ct);
            }
        }
    }

    /// <summary>SIGKILL to the service's own process; returns once Aspire saw it end.</summary>
    private async Task KillAsync(string resource, CancellationToken ct)
    {
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
    }

    private static List<int> Children(int pid)
    {
        var file = $"/proc/{pid}/task/{pid}/children";
        return File.Exists(file)
            ? File.ReadAllText(file).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList()
            : [];
    }
}

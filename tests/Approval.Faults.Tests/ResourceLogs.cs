using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Faults.Tests;

/// <summary>
/// The log lines of every project resource of the started suite, from now on: counts of the lines that contain given parts
/// (the injected duplicates), and each resource's last lines, so a service that does not come back says what it did.
/// </summary>
internal sealed partial class ResourceLogs
{
    private const int Kept = 60;
    private readonly ConcurrentDictionary<string, Queue<string>> _tails = new();
    private readonly string[] _counted;
    private int _count;

    /// <param name="counted">the parts a counted line contains, all of them</param>
    public ResourceLogs(DistributedApplication app, params string[] counted)
    {
        _counted = counted;
        var logs = app.Services.GetRequiredService<ResourceLoggerService>();
        // by resource, not by name: the logger service keys a started process by its resource id (name plus a suffix)
        foreach (var resource in app.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<ProjectResource>())
        {
            var tail = _tails.GetOrAdd(resource.Name, _ => new Queue<string>());
            _ = Task.Run(async () =>
            {
                await foreach (var batch in logs.WatchAsync(resource))
                    foreach (var line in batch)
                    {
                        if (_counted.All(p => line.Content.Contains(p, StringComparison.Ordinal))) Interlocked.Increment(ref _count);
                        lock (tail)
                        {
                            tail.Enqueue(Colours().Replace(line.Content, ""));
                            if (tail.Count > Kept) tail.Dequeue();
                        }
                    }
            });
        }
    }

    [GeneratedRegex(@"\x1B\[[0-9;]*m")]
    private static partial Regex Colours();

    /// <summary>How many lines so far contained every counted part.</summary>
    public int Counted => Volatile.Read(ref _count);

    /// <summary>The last lines <paramref name="resource"/> wrote (at most 60), oldest first.</summary>
    public string Tail(string resource)
    {
        if (!_tails.TryGetValue(resource, out var tail)) return "(no such resource)";
        lock (tail) return tail.Count == 0 ? "(nothing written)" : string.Join('\n', tail);
    }
}

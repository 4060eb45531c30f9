using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Approval.ServiceDefaults.Jobs;

/// <summary>
/// The one loop of every background job (定时任务): run a round, and when it found nothing more to do wait for the
/// interval (or an earlier wake-up) before the next. A round that fails is logged and tried again after the interval;
/// stopping the host ends the loop between rounds or inside one.
/// </summary>
public abstract class PeriodicJob(TimeProvider clock, ILogger log) : BackgroundService
{
    protected TimeProvider Clock { get; } = clock;
    protected ILogger Log { get; } = log;

    /// <summary>How long to wait after a round that left nothing due; read before every wait, so options may change it.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>One round. True when more may be due at once (a full batch), so the next round starts without waiting.</summary>
    protected abstract Task<bool> RunOnceAsync(CancellationToken ct);

    /// <summary>The wait between rounds; a job woken by commits (the outbox relay) waits on its signal instead.</summary>
    protected virtual Task WaitAsync(TimeSpan interval, CancellationToken ct) => Task.Delay(interval, Clock, ct);

    /// <summary>Runs once the loop has ended, e.g. to let work started by the last rounds finish.</summary>
    protected virtual Task DrainAsync() => Task.CompletedTask;

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var more = false;
                try { more = await RunOnceAsync(stoppingToken); }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { break; }
                catch (Exception e) { Log.LogWarning(e, "{Job} round failed; retrying after {Interval}", GetType().Name, Interval); }
                if (more) continue;
                try { await WaitAsync(Interval, stoppingToken); }
                catch (OperationCanceledException) { break; }
            }
        }
        finally
        {
            await DrainAsync();
        }
    }
}

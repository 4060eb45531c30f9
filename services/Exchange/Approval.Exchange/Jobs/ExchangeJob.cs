using Approval.ServiceDefaults.Jobs;
using Microsoft.Extensions.Options;

namespace Approval.Exchange.Jobs;

/// <summary>Wakes the sender before its interval: 立即上报, a backfill, or new rows staged by the consumers.</summary>
public sealed class ExchangeSignal
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Notify()
    {
        if (signal.CurrentCount > 0) return;
        try { signal.Release(); }
        catch (SemaphoreFullException) { /* already woken: one wake-up is enough */ }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => signal.WaitAsync(timeout, ct);
}

/// <summary>The sender (定时上报): a round every SendInterval, or at once when woken; a full batch goes on without waiting.</summary>
public sealed class ExchangeJob(IServiceScopeFactory scopes, ExchangeSignal signal, IOptionsMonitor<ExchangeOptions> options, TimeProvider clock,
    ILogger<ExchangeJob> log) : PeriodicJob(clock, log)
{
    protected override TimeSpan Interval => options.CurrentValue.SendInterval;

    protected override Task WaitAsync(TimeSpan interval, CancellationToken ct) => signal.WaitAsync(interval, ct);

    protected override async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ExchangeRound>().RunAsync(ct)).More;
    }
}

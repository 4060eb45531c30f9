using Approval.ServiceDefaults.Jobs;
using Microsoft.Extensions.Logging.Abstractions;

namespace Approval.UnitTests;

/// <summary>The building blocks of background work (ServiceDefaults/Jobs): the one backoff rule, the one error cut, leases, the loop.</summary>
public sealed class JobsTests
{
    [Theory]
    [InlineData(1, 200)]
    [InlineData(2, 400)]
    [InlineData(3, 800)]
    [InlineData(6, 6400)]
    [InlineData(7, 10000)]
    [InlineData(1000, 10000)]
    [InlineData(int.MaxValue, 10000)]
    public void Backoff_doubles_from_the_first_wait_up_to_the_cap(int attempts, double milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), Retries.Backoff(attempts, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10)));

    [Fact]
    public void Backoff_is_asked_only_after_an_attempt() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Retries.Backoff(0, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1)));

    [Fact]
    public void A_short_error_is_kept_whole_and_a_long_one_is_cut_to_the_limit_with_an_ellipsis()
    {
        Assert.Equal("HTTP 503", Retries.Error("HTTP 503"));
        var exact = new string('x', Retries.MaxErrorLength);
        Assert.Same(exact, Retries.Error(exact));
        var cut = Retries.Error("短信网关" + new string('y', 5000));
        Assert.Equal(Retries.MaxErrorLength, cut.Length);
        Assert.StartsWith("短信网关yyy", cut);
        Assert.EndsWith("y…", cut);
    }

    [Fact]
    public void A_lease_ends_on_a_whole_millisecond_in_utc_so_it_reads_back_from_the_database_unchanged()
    {
        var now = new DateTimeOffset(2026, 12, 5, 18, 30, 0, TimeSpan.FromHours(8)).AddTicks(1_234_567);
        var end = WorkQueue.LeaseEnd(now, TimeSpan.FromSeconds(25));
        Assert.Equal(TimeSpan.Zero, end.Offset);
        Assert.Equal(0, end.Ticks % TimeSpan.TicksPerMillisecond);
        Assert.Equal(new DateTimeOffset(2026, 12, 5, 10, 30, 25, 123, TimeSpan.Zero), end);
        Assert.True(end <= now + TimeSpan.FromSeconds(25) && end > now + TimeSpan.FromSeconds(25) - TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task The_loop_survives_a_failing_round_runs_again_at_once_while_busy_and_drains_on_stop()
    {
        var job = new CountingJob();
        await job.StartAsync(CancellationToken.None);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (job.Rounds < 6 && DateTime.UtcNow < deadline) await Task.Delay(10);
        await job.StopAsync(CancellationToken.None);

        Assert.True(job.Rounds >= 6, $"only {job.Rounds} rounds ran");
        Assert.True(job.Drained);
        // Round 1 threw (and waited, like every round that found nothing more); round 2 said "more" and did not wait.
        Assert.Equal(job.Rounds - 1, job.Waits);
    }

    private sealed class CountingJob() : PeriodicJob(TimeProvider.System, NullLogger.Instance)
    {
        public int Rounds;
        public int Waits;
        public bool Drained;

        protected override TimeSpan Interval => TimeSpan.FromMilliseconds(5);

        protected override Task<bool> RunOnceAsync(CancellationToken ct)
        {
            var round = Interlocked.Increment(ref Rounds);
            if (round == 1) throw new InvalidOperationException("the database is away");
            return Task.FromResult(round == 2);
        }

        protected override Task WaitAsync(TimeSpan interval, CancellationToken ct)
        {
            Interlocked.Increment(ref Waits);
            return base.WaitAsync(interval, ct);
        }

        protected override Task DrainAsync()
        {
            Drained = true;
            return Task.CompletedTask;
        }
    }
}

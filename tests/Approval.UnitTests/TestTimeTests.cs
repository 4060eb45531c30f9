using Approval.ServiceDefaults;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Approval.UnitTests;

/// <summary>Approval:Time:Now moves a service's clock in Development/Testing only; elsewhere the service refuses to start.</summary>
public sealed class TestTimeTests
{
    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "test";
        public string ContentRootPath { get; set; } = "/";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    private static IConfiguration Settings(string? now) =>
        new ConfigurationBuilder().AddInMemoryCollection(now is null ? [] : [new(TestTime.Setting, now)]).Build();

    [Fact]
    public void Without_the_setting_the_clock_is_the_system_clock() =>
        Assert.Same(TimeProvider.System, TestTime.From(Settings(null), new Environment(Environments.Production)));

    [Theory]
    [InlineData("Development")]
    [InlineData("Testing")]
    public void In_development_and_testing_the_clock_starts_at_the_given_instant_and_runs_on(string environment)
    {
        var start = new DateTimeOffset(2026, 9, 24, 9, 0, 0, TimeSpan.FromHours(8));
        var clock = TestTime.From(Settings("2026-09-24T09:00:00+08:00"), new Environment(environment));
        var first = clock.GetUtcNow();
        Assert.InRange(first - start, TimeSpan.Zero, TimeSpan.FromMinutes(1));
        Assert.True(clock.GetUtcNow() >= first);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void Anywhere_else_the_setting_stops_the_start(string environment)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => TestTime.From(Settings("2026-09-24T09:00:00+08:00"), new Environment(environment)));
        Assert.Contains(TestTime.Setting, refused.Message);
    }

    [Fact]
    public void A_malformed_instant_is_refused() =>
        Assert.Throws<InvalidOperationException>(() => TestTime.From(Settings("next tuesday"), new Environment(Environments.Development)));
}

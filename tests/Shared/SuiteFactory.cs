using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

namespace Approval.Tests;

/// <summary>
/// The one way the end-to-end and browser tests start the world: the whole suite through the AppHost (Aspire's
/// testing builder) — every service and the gateway as real processes on random ports, without the dashboard,
/// against the PostgreSQL and RabbitMQ that ./approval test started for this run. Compiled into both projects.
/// </summary>
internal static class SuiteFactory
{
    /// <summary>
    /// How long the start may take in all: 4 minutes, or APPROVAL_TEST_STARTUP_MINUTES on a loaded machine (several
    /// suites building and starting at once).
    /// </summary>
    public static TimeSpan StartupTimeout { get; } = TimeSpan.FromMinutes(
        int.TryParse(Environment.GetEnvironmentVariable("APPROVAL_TEST_STARTUP_MINUTES"), out var minutes) && minutes > 0 ? minutes : 4);

    /// <summary>The AppHost's testing builder for this run; <paramref name="settings"/> ("Key=value") add to its configuration.</summary>
    public static Task<IDistributedApplicationTestingBuilder> CreateAsync(params string[] settings) =>
        DistributedApplicationTestingBuilder.CreateAsync<Projects.Approval_AppHost>(
            [
                "Approval:GatewayPort=0",
                $"ConnectionStrings:postgres={TestServers.Postgres}",
                $"ConnectionStrings:rabbitmq={TestServers.RabbitMq}",
                .. settings,
            ],
            (options, _) => options.DisableDashboard = true);

    /// <summary>
    /// Builds and starts the suite, then waits for each of <paramref name="healthy"/> in turn (so a failed start names
    /// the resource that did not come up), all within <see cref="StartupTimeout"/>. A failed start stops what started.
    /// </summary>
    public static async Task<DistributedApplication> StartAsync(IDistributedApplicationTestingBuilder builder, params string[] healthy)
    {
        var app = await builder.BuildAsync();
        try
        {
            using var startup = new CancellationTokenSource(StartupTimeout);
            await app.StartAsync(startup.Token);
            foreach (var resource in healthy) await app.ResourceNotifications.WaitForResourceHealthyAsync(resource, startup.Token);
            return app;
        }
        catch
        {
            await StopAsync(app);
            throw;
        }
    }

    /// <summary>
    /// Every service of this suite gets its own databases (approval_&lt;prefix&gt;_…) on the run's PostgreSQL server: another
    /// suite of the same run uses the default ones, and the identity servers seed their clients' redirect URIs (which name
    /// this run's random ports) only into an empty database.
    /// </summary>
    public static void UseOwnDatabases(IDistributedApplicationTestingBuilder builder, string prefix)
    {
        var server = TestServers.Postgres;
        foreach (var project in builder.Resources.OfType<ProjectResource>().ToList())
        {
            var database = project.Name == "province" ? "identity" : project.Name;
            builder.CreateResourceBuilder(project)
                .WithEnvironment($"ConnectionStrings__{database}db", $"{server};Database=approval_{prefix}_{project.Name}");
        }
    }

    public static async Task StopAsync(DistributedApplication? app)
    {
        if (app is null) return;
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

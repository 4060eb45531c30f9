using Aspire.Hosting;
using Aspire.Hosting.Testing;

namespace Approval.EndToEnd.Tests;

/// <summary>
/// The whole suite, started once for the test collection through the AppHost (Aspire's testing builder):
/// every service and the gateway as real processes on random ports, against the PostgreSQL and RabbitMQ
/// that ./approval test started for this run.
/// </summary>
public sealed class SuiteFixture : IAsyncLifetime
{
    private DistributedApplication? app;

    /// <summary>Intake's clock starts on Thursday 24 September 2026, 09:00 in the region (before 中秋节 25–27 September).</summary>
    public static readonly DateTimeOffset IntakeNow = new(2026, 9, 24, 9, 0, 0, TimeSpan.FromHours(8));

    /// <summary>Approvals' clock starts on Wednesday 30 September 2026, 09:00: three working days after IntakeNow, the day before 国庆节.</summary>
    public static readonly DateTimeOffset ApprovalsNow = new(2026, 9, 30, 9, 0, 0, TimeSpan.FromHours(8));

    public HttpClient Gateway { get; private set; } = null!;

    /// <summary>The second identity server instance that plays the provincial platform (reached directly, not through the gateway).</summary>
    public Uri Province { get; private set; } = null!;

    /// <summary>The identity service's own address (its issuer), where the provincial platform returns the browser.</summary>
    public Uri Identity { get; private set; } = null!;

    /// <summary>The portal's own address, for what must hold also when it is reached without the gateway.</summary>
    public Uri Portal { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Approval_AppHost>(
            [
                "Approval:GatewayPort=0",
                $"ConnectionStrings:postgres={Required("APPROVAL_TEST_POSTGRES")}",
                $"ConnectionStrings:rabbitmq={Required("APPROVAL_TEST_RABBITMQ")}",
                // The suite's cases are accepted in the week of the 2026 Mid-Autumn holiday and processed after it
                // (docs/approvals.md, "Time in tests"); every other service keeps the real time.
                $"Approval:Time:IntakeNow={IntakeNow:O}",
                $"Approval:Time:ApprovalsNow={ApprovalsNow:O}",
                // The department-system receivers (WebhookReceiver) listen on 127.0.0.2: Approvals may reach exactly that
                // address; every other internal address stays refused (WebhookSsrfTests).
                $"Approval:Webhooks:AllowedNetworks:0={WebhookReceiver.AllowedNetwork}",
            ],
            (options, _) => options.DisableDashboard = true);
        app = await builder.BuildAsync();
        // A loaded machine (several suites building and starting at once) may need longer: APPROVAL_TEST_STARTUP_MINUTES.
        using var startup = new CancellationTokenSource(TimeSpan.FromMinutes(
            int.TryParse(Environment.GetEnvironmentVariable("APPROVAL_TEST_STARTUP_MINUTES"), out var minutes) && minutes > 0 ? minutes : 4));
        await app.StartAsync(startup.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("gateway", startup.Token);
        Gateway = app.CreateHttpClient("gateway");
        Gateway.Timeout = TimeSpan.FromSeconds(30);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("identity", startup.Token);
        ActorTokens.Use(Gateway.BaseAddress!);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("province", startup.Token);
        Province = app.GetEndpoint("province", "http");
        Identity = app.GetEndpoint("identity", "http");
        Portal = app.GetEndpoint("portal", "http");
        // The gateway waits for every service; these two are named so a failed start says which one.
        await app.ResourceNotifications.WaitForResourceHealthyAsync("projects", startup.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("notifications", startup.Token);
        await Task.WhenAll(new[] { Actor.Applicant, Actor.OtherApplicant, Actor.Window, Actor.Department("ZJJ"), Actor.Department("CGJ") }
            .Select(ActorTokens.ForAsync));
    }

    public async Task DisposeAsync()
    {
        Gateway?.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set: run these tests through ./approval test, which starts the servers.");
}

[CollectionDefinition(Name)]
public sealed class SuiteCollection : ICollectionFixture<SuiteFixture>
{
    public const string Name = "suite";
}

using Aspire.Hosting;
using Aspire.Hosting.Testing;

namespace Approval.EndToEnd.Tests;

/// <summary>
/// The whole suite, started once for the test collection through the AppHost by <see cref="SuiteFactory"/>, with
/// the clocks and webhook network these tests need, and every demo actor's token fetched.
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
        var builder = await SuiteFactory.CreateAsync(
            // The suite's cases are accepted in the week of the 2026 Mid-Autumn holiday and processed after it
            // (docs/approvals.md, "Time in tests"); every other service keeps the real time.
            $"Approval:Time:IntakeNow={IntakeNow:O}",
            $"Approval:Time:ApprovalsNow={ApprovalsNow:O}",
            // The department-system receivers (WebhookReceiver) listen on 127.0.0.2: Approvals may reach exactly that
            // address; every other internal address stays refused (WebhookSsrfTests).
            $"Approval:Webhooks:AllowedNetworks:0={WebhookReceiver.AllowedNetwork}");
        // The gateway waits for every service; the others are named so a failed start says which one.
        app = await SuiteFactory.StartAsync(builder, "gateway", "identity", "province", "projects", "notifications");
        Gateway = app.CreateHttpClient("gateway");
        Gateway.Timeout = TimeSpan.FromSeconds(30);
        ActorTokens.Use(Gateway.BaseAddress!);
        Province = app.GetEndpoint("province", "http");
        Identity = app.GetEndpoint("identity", "http");
        Portal = app.GetEndpoint("portal", "http");
        await Task.WhenAll(new[] { Actor.Applicant, Actor.OtherApplicant, Actor.Window, Actor.Department("ZJJ"), Actor.Department("CGJ") }
            .Select(ActorTokens.ForAsync));
        // The demo applicant's project and its first phase: applications from stage 2 on name its engineering code.
        var phase = await new SuiteApi(Gateway).RegisterPhaseAsync((m, p, b) => Actor.Applicant.Request(m, p, b), SuiteApi.ProjectCode);
        if (phase != SuiteApi.DemoPhase) throw new InvalidOperationException($"the demo phase is {phase}, not {SuiteApi.DemoPhase}");
    }

    public async Task DisposeAsync()
    {
        Gateway?.Dispose();
        await SuiteFactory.StopAsync(app);
    }
}

[CollectionDefinition(Name)]
public sealed class SuiteCollection : ICollectionFixture<SuiteFixture>
{
    public const string Name = "suite";
}

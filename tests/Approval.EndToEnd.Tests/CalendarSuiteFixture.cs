using Aspire.Hosting;
using Aspire.Hosting.Testing;

namespace Approval.EndToEnd.Tests;

/// <summary>
/// A second suite, on databases of its own (approval_calendar_…), whose Intake and Approvals clocks start on Thursday
/// 24 December 2026, 09:00 in the region: a 10-working-day item accepted then ends in January 2027, a year the region pack
/// does not hold. Uploading 2027 here changes no clock of the main suite. Its collection runs alone, after the parallel
/// ones (the main suite has stopped by then), so the two suites never run at once.
/// </summary>
public sealed class CalendarSuiteFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Now = new(2026, 12, 24, 9, 0, 0, TimeSpan.FromHours(8));

    private DistributedApplication? app;

    public HttpClient Gateway { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = await SuiteFactory.CreateAsync($"Approval:Time:IntakeNow={Now:O}", $"Approval:Time:ApprovalsNow={Now:O}", $"Approval:Time:ReviewsNow={Now:O}");
        SuiteFactory.UseOwnDatabases(builder, "calendar");
        app = await SuiteFactory.StartAsync(builder, "gateway", "identity");
        Gateway = app.CreateHttpClient("gateway");
        Gateway.Timeout = TimeSpan.FromSeconds(30);
        ActorTokens.Use(Gateway.BaseAddress!);
        // The demo applicant's project phase, as in the main suite: stage 3 is applied for by its engineering code.
        await new SuiteApi(Gateway).RegisterPhaseAsync((m, p, b) => Actor.Applicant.Request(m, p, b), SuiteApi.ProjectCode);
    }

    public async Task DisposeAsync()
    {
        Gateway?.Dispose();
        await SuiteFactory.StopAsync(app);
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CalendarSuiteCollection : ICollectionFixture<CalendarSuiteFixture>
{
    public const string Name = "calendar-suite";
}

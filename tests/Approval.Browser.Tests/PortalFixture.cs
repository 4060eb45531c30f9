using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Approval.EndToEnd.Tests;
using Microsoft.Playwright;

namespace Approval.Browser.Tests;

/// <summary>
/// The whole suite started through the AppHost the way the end-to-end tests start it (<see cref="SuiteFactory"/>),
/// on databases of its own, and one headless Debian Chromium driven by Playwright.
/// The demo accounts (applicant-demo, window-demo, dept-ZJJ) sign in through the portal with their seeded passwords.
/// </summary>
public sealed class PortalFixture : IAsyncLifetime
{
    private DistributedApplication? app;
    private IPlaywright? playwright;

    /// <summary>The gateway, where the portal is served (the browser's origin).</summary>
    public Uri Gateway { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>
    /// The portal's fallback re-read of 办理进度 in these tests (Portal:Live:ProgressFallbackSeconds): far longer than any
    /// test waits, so a change that shows up in time came from the progress stream.
    /// </summary>
    public const int ProgressFallbackSeconds = 600;

    public async Task InitializeAsync()
    {
        var builder = await SuiteFactory.CreateAsync();
        // Databases of its own (approval_browser_…): the end-to-end tests start the suite again afterwards on the same server.
        SuiteFactory.UseOwnDatabases(builder, "browser");
        builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(p => p.Name == "portal"))
            .WithEnvironment("Portal__Live__ProgressFallbackSeconds", ProgressFallbackSeconds.ToString());
        app = await SuiteFactory.StartAsync(builder, "gateway", "portal", "identity");
        Gateway = app.GetEndpoint("gateway", "http");

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>
    /// A project of the user's own named <paramref name="projectName"/>, with its first engineering code (工程代码: stage 3 is
    /// applied for by it, R-7.6), registered through the gateway with the user's token — the demo applicant's by default.
    /// </summary>
    public async Task<ProjectPhase> PhaseAsync(string projectName, string user = Ui.DemoApplicant, string? password = null)
    {
        var token = (await new OidcClient(Gateway).SignInAsync(user, password ?? Accounts.DemoPassword)).AccessToken;
        using var http = new HttpClient { BaseAddress = Gateway, Timeout = TimeSpan.FromSeconds(30) };
        return await ProjectPhases.RegisterAsync(http, (m, p, b) => Accounts.Bearer(m, p, token, b), projectName: projectName);
    }

    /// <summary>A fresh browser context (own cookies: one person) at the gateway, in Chinese; the viewport of a small laptop unless given.</summary>
    public async Task<IPage> NewPageAsync(ViewportSize? viewport = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Gateway.ToString().TrimEnd('/'), Locale = "zh-CN", AcceptDownloads = true,
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 860 },
        });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        Accessibility.Track(page);
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
        await SuiteFactory.StopAsync(app);
    }
}

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalFixture>
{
    public const string Name = "portal";
}

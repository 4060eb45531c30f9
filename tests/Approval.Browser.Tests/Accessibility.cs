using System.Collections.Concurrent;
using System.Text;
using System.Runtime.CompilerServices;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Approval.Browser.Tests;

/// <summary>
/// The WCAG 2.1 AA check (axe-core) of every portal page a browser test visits. Each page the tests open records the
/// addresses it reaches (its main frame's navigations, including Blazor's in-page ones); at the end of every
/// <see cref="Ui.StepsAsync"/> the page as it stands is audited, and each other page it visited is opened beside it in
/// the same browser context (the same signed-in person) and audited. A page is audited once per run and person: its
/// address with ids and codes replaced (<see cref="RouteOf"/>). A serious or critical violation fails the steps.
/// </summary>
public static class Accessibility
{
    private static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
    private static readonly ConcurrentDictionary<string, bool> Audited = new();
    private static readonly ConditionalWeakTable<IPage, List<string>> Visited = new();

    /// <summary>Starts recording the addresses the page reaches.</summary>
    public static void Track(IPage page)
    {
        var visited = Visited.GetOrCreateValue(page);
        page.FrameNavigated += (_, frame) =>
        {
            if (frame != page.MainFrame) return;
            lock (visited) visited.Add(frame.Url);
        };
    }

    /// <summary>Audits the page as it stands and every page it visited that was not audited yet in this run.</summary>
    public static async Task AuditAsync(IPage page)
    {
        var person = await PersonAsync(page);
        var findings = new List<string>();
        if (Claim(person, page.Url)) findings.AddRange(await AuditHereAsync(page));

        var reached = Visited.GetOrCreateValue(page);
        string[] visited;
        lock (reached) visited = [.. reached.Distinct()];
        foreach (var url in visited.Where(u => Claim(person, u)))
        {
            var side = await page.Context.NewPageAsync();
            try
            {
                await side.GotoAsync(url);
                // the sign-in pages are plain server-rendered forms; every other page waits for its circuit
                if (!new Uri(url).AbsolutePath.StartsWith("/account/", StringComparison.Ordinal)) await Ui.InteractiveAsync(side);
                findings.AddRange(await AuditHereAsync(side));
            }
            finally
            {
                await side.CloseAsync();
            }
        }
        if (findings.Count == 0) return;
        lock (Audited) File.AppendAllLines(Path.Combine(Ui.ScreenshotFolder, "..", "axe-violations.txt"), findings);
        throw new Xunit.Sdk.XunitException("WCAG 2.1 AA (axe-core) serious/critical violations:\n" + string.Join("\n", findings));
    }

    /// <summary>The route of an address: the path with GUIDs, numbers and codes (any segment holding a digit) as {}.</summary>
    public static string RouteOf(string url)
    {
        var path = Uri.TryCreate(url, UriKind.Absolute, out var u) ? u.AbsolutePath : url.Split('?')[0];
        return string.Join('/', path.Split('/').Select(s => s.Any(char.IsDigit) ? "{}" : s));
    }

    private static bool Claim(string person, string url) =>
        IsPortalPage(url) && Audited.TryAdd(person + " " + RouteOf(url), true);

    /// <summary>A page of the portal's, safe to open again: not an API, a download, the sign-in/out redirects or OIDC.</summary>
    private static bool IsPortalPage(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme.StartsWith("http", StringComparison.Ordinal)
        && !NotPages.Any(p => u.AbsolutePath.StartsWith(p, StringComparison.OrdinalIgnoreCase));

    private static readonly string[] NotPages = ["/api/", "/download/", "/connect/", "/account/signin", "/account/signout", "/.well-known/", "/scalar", "/openapi/"];

    private static async Task<string> PersonAsync(IPage page)
    {
        var signedIn = page.GetByTestId("signed-in-as");
        return await signedIn.CountAsync() > 0 ? (await signedIn.First.InnerTextAsync()).Trim() : "anonymous";
    }

    private static async Task<IEnumerable<string>> AuditHereAsync(IPage page)
    {
        await SettledAsync(page);
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. Tags] } });
        return result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => Describe(page.Url, v));
    }

    /// <summary>
    /// Waits until the page has settled: no AntDesign spinner spins and no button shows its loading state (the page's
    /// data has arrived; at most 10 s), then no CSS transition is running (at most 5 s). A page's first interactive render
    /// loads its data again with its action buttons disabled; when they come back, AntDesign fades their colours for
    /// 0.3 s, and a check in that fade reads a half-blue button with half-white text (a contrast that is never shown at
    /// rest). Endless animations (a spinner) do not count.
    /// </summary>
    private static async Task SettledAsync(IPage page)
    {
        try
        {
            await Assertions.Expect(page.Locator(".ant-spin-spinning, .ant-btn-loading")).ToHaveCountAsync(0, new() { Timeout = 10_000 });
            await page.WaitForFunctionAsync(NoTransitionRunning, null, new() { Timeout = 5_000 });
        }
        catch (PlaywrightException)
        {
            // still spinning or fading: audit what shows
        }
    }

    private const string NoTransitionRunning =
        "() => document.getAnimations().every(a => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity)";

    private static string Describe(string url, AxeResultItem v)
    {
        var text = new StringBuilder($"  {RouteOf(url)} [{v.Impact}] {v.Id}: {v.Help}");
        foreach (var node in v.Nodes.Take(5))
            text.Append($"\n      {string.Join(' ', node.Target)} {Shorten(node.Html)}");
        if (v.Nodes.Length > 5) text.Append($"\n      … {v.Nodes.Length - 5} more");
        return text.ToString();
    }

    private static string Shorten(string html) => html.Length <= 160 ? html : html[..160] + "…";
}

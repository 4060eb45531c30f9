using System.Collections.Concurrent;
using System.Net;

namespace Approval.EndToEnd.Tests;

/// <summary>
/// A person's portal session without a browser: the password (and TOTP) step at the Identity service through the
/// gateway, then /account/signin, whose code flow ends with the portal's session cookie. Redirects are followed by hand
/// (so a request of the session itself can show the portal's own 302 to sign in).
/// </summary>
public sealed class PortalSession : IDisposable
{
    private static readonly ConcurrentDictionary<(Uri, Actor), Lazy<Task<PortalSession>>> Sessions = new();
    private readonly HttpClient http;

    private PortalSession(HttpClient http) => this.http = http;

    /// <summary>One signed-in session per actor for the run.</summary>
    public static Task<PortalSession> ForAsync(Uri gateway, Actor actor) =>
        Sessions.GetOrAdd((gateway, actor), k => new Lazy<Task<PortalSession>>(() => SignInAsync(k.Item1, k.Item2))).Value;

    /// <summary>A visitor without a session.</summary>
    public static PortalSession Anonymous(Uri gateway) => new(NewClient(gateway));

    private static HttpClient NewClient(Uri gateway) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(30) };

    private static async Task<PortalSession> SignInAsync(Uri gateway, Actor actor)
    {
        await ActorTokens.ForAsync(actor); // the account exists (and a staff member's authenticator is enrolled)
        var http = NewClient(gateway);
        await OidcClient.LoginAsync(http, actor.User, ActorTokens.ActorPassword, Accounts.DemoTotpKey, CancellationToken.None);
        var url = new Uri(gateway, "/account/signin?returnUrl=/");
        for (var hop = 0; ; hop++)
        {
            using var response = await http.GetAsync(url);
            if ((int)response.StatusCode is < 300 or >= 400) break;
            if (hop == 10) throw new InvalidOperationException($"portal sign-in of {actor.User} redirects too often (at {url})");
            url = new Uri(url, response.Headers.Location!);
        }
        var session = new PortalSession(http);
        using var home = await http.GetAsync("/");
        var text = await home.Content.ReadAsStringAsync();
        if (!text.Contains("signed-in-as", StringComparison.Ordinal))
            throw new InvalidOperationException($"portal sign-in of {actor.User} did not end in a session: {(int)home.StatusCode}");
        return session;
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path) => http.SendAsync(new HttpRequestMessage(method, path));

    public void Dispose() => http.Dispose();
}

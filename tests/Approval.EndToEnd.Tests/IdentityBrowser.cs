using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Approval.EndToEnd.Tests;

/// <summary>
/// A browser for the identity security tests: keeps its cookies, follows no redirects, and may connect to the gateway
/// from a given loopback address (127.0.0.2, 127.0.0.3 …), so the suite sees requests from different client addresses.
/// </summary>
public sealed class IdentityBrowser : IDisposable
{
    private readonly HttpClient http;

    public IdentityBrowser(Uri gateway, string? fromAddress = null)
    {
        var handler = new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true };
        if (fromAddress is not null)
            handler.ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(IPAddress.Parse(fromAddress), 0));
                    var host = context.DnsEndPoint.Host == "localhost" ? IPAddress.Loopback : IPAddress.Parse(context.DnsEndPoint.Host);
                    await socket.ConnectAsync(new IPEndPoint(host, context.DnsEndPoint.Port), ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        http = new HttpClient(handler) { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(30) };
    }

    public HttpClient Http => http;

    public async Task<HttpStatusCode> LoginAsync(string userName, string password)
    {
        using var response = await http.PostAsJsonAsync("/api/identity/login", new { userName, password });
        return response.StatusCode;
    }

    /// <summary>An authorize request of the portal client (code + PKCE): the Location it answers with, and the verifier.</summary>
    public async Task<(HttpStatusCode Status, string Location, string Verifier)> AuthorizeAsync()
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        using var response = await http.GetAsync($"/connect/authorize?response_type=code&client_id={OidcClient.PortalClient}" +
            $"&redirect_uri={Uri.EscapeDataString(OidcClient.RedirectUri)}&scope={Uri.EscapeDataString(OidcClient.Scopes)}" +
            $"&code_challenge={challenge}&code_challenge_method=S256&state=s");
        return (response.StatusCode, response.Headers.Location?.OriginalString ?? "", verifier);
    }

    /// <summary>Signs in (code + PKCE with offline_access) after a successful LoginAsync: the token response.</summary>
    public async Task<JsonElement> TokensAsync()
    {
        var (status, location, verifier) = await AuthorizeAsync();
        Assert.True(status == HttpStatusCode.Found && location.StartsWith(OidcClient.RedirectUri + "?code=", StringComparison.Ordinal), $"authorize: {(int)status} {location}");
        var code = Uri.UnescapeDataString(location.Split("code=")[1].Split('&')[0]);
        using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = OidcClient.RedirectUri,
            ["client_id"] = OidcClient.PortalClient, ["code_verifier"] = verifier,
        }));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"token: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>GETs a page and follows same-origin redirects, as a browser does; returns the addresses visited.</summary>
    public async Task<List<string>> FollowAsync(string path)
    {
        var visited = new List<string> { path };
        for (var hops = 0; hops < 8; hops++)
        {
            using var response = await http.GetAsync(path);
            if ((int)response.StatusCode is < 300 or >= 400 || response.Headers.Location is not { } next) return visited;
            path = next.IsAbsoluteUri ? next.PathAndQuery : next.OriginalString;
            visited.Add(path);
        }
        return visited;
    }

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public void Dispose() => http.Dispose();
}

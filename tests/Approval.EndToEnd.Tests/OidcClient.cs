using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Approval.EndToEnd.Tests;

/// <summary>
/// Gets real tokens from the Identity service through the gateway, as a client of the suite would:
/// password sign-in (login cookie; staff add a TOTP code, enrolling an authenticator key on their first
/// sign-in) then authorization code + PKCE (S256) for people, client credentials
/// for department systems, and the refresh-token grant. Also used by bench/Approval.Bench.
/// </summary>
public sealed class OidcClient(Uri gateway)
{
    public const string PortalClient = "approval-portal";
    public const string RedirectUri = "http://127.0.0.1/signin-callback";
    public const string Scopes = "openid profile roles offline_access";

    /// <summary>TOTP keys this process learnt by enrolling staff accounts (user name → base32 key).</summary>
    public static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> EnrolledKeys = new();

    public async Task<OidcTokens> SignInAsync(string userName, string password, string? totpKey = null, CancellationToken ct = default)
    {
        // Each sign-in comes from an address of its own, as people do: the gateway limits sign-ins per client address.
        using var http = LoopbackClients.ForOnePerson(gateway, new CookieContainer());
        await LoginAsync(http, userName, password, totpKey, ct);

        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var state = Base64Url(RandomNumberGenerator.GetBytes(16));
        var query = $"response_type=code&client_id={PortalClient}&redirect_uri={Uri.EscapeDataString(RedirectUri)}" +
                    $"&scope={Uri.EscapeDataString(Scopes)}&code_challenge={challenge}&code_challenge_method=S256&state={state}";
        using var authorize = await http.GetAsync($"/connect/authorize?{query}", ct);
        var location = authorize.Headers.Location?.ToString() ?? "";
        if (authorize.StatusCode != HttpStatusCode.Found || !location.StartsWith(RedirectUri, StringComparison.Ordinal))
            throw new OidcException($"authorize answered {(int)authorize.StatusCode} to {location}: {await authorize.Content.ReadAsStringAsync(ct)}", authorize.StatusCode);
        var parameters = QueryOf(location);
        if (parameters.GetValueOrDefault("state") != state) throw new OidcException("authorize returned another state", authorize.StatusCode);

        return await TokenAsync(http, new()
        {
            ["grant_type"] = "authorization_code", ["code"] = parameters["code"], ["redirect_uri"] = RedirectUri,
            ["client_id"] = PortalClient, ["code_verifier"] = verifier,
        }, ct);
    }

    /// <summary>Password, then (staff) the TOTP code of the enrolled or given key; leaves the sign-in cookie in the client.</summary>
    internal static async Task LoginAsync(HttpClient http, string userName, string password, string? totpKey, CancellationToken ct)
    {
        using var login = await http.PostAsJsonAsync("/api/identity/login", new { userName, password }, ct);
        if (login.StatusCode != HttpStatusCode.OK) throw new OidcException($"sign-in of {userName} answered {(int)login.StatusCode}", login.StatusCode);
        var answer = await login.Content.ReadFromJsonAsync<JsonElement>(ct);
        if (!answer.TryGetProperty("secondFactor", out var factor)) return;
        var key = factor.GetString() == "totp-enrolment"
            ? EnrolledKeys[userName] = answer.GetProperty("sharedKey").GetString()!
            : EnrolledKeys.TryGetValue(userName, out var known) ? known
            : totpKey ?? throw new OidcException($"{userName} needs a TOTP key", HttpStatusCode.Unauthorized);
        using var second = await http.PostAsJsonAsync("/api/identity/login/totp", new { code = Totp.Code(key) }, ct);
        if (second.StatusCode != HttpStatusCode.OK) throw new OidcException($"TOTP of {userName} answered {(int)second.StatusCode}", second.StatusCode);
    }

    public async Task<OidcTokens> ClientCredentialsAsync(string clientId, string secret, CancellationToken ct = default)
    {
        using var http = new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(30) };
        return await TokenAsync(http, new() { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret }, ct);
    }

    public async Task<OidcTokens> RefreshAsync(string refreshToken, CancellationToken ct = default)
    {
        using var http = new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(30) };
        return await TokenAsync(http, new() { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken, ["client_id"] = PortalClient }, ct);
    }

    private static async Task<OidcTokens> TokenAsync(HttpClient http, Dictionary<string, string> form, CancellationToken ct)
    {
        using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(form), ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode != HttpStatusCode.OK) throw new OidcException($"token endpoint answered {(int)response.StatusCode}: {text}", response.StatusCode);
        var json = JsonDocument.Parse(text).RootElement;
        return new OidcTokens(json.GetProperty("access_token").GetString()!,
            json.TryGetProperty("refresh_token", out var refresh) ? refresh.GetString() : null,
            json.TryGetProperty("id_token", out var id) ? id.GetString() : null);
    }

    private static Dictionary<string, string> QueryOf(string uri) =>
        new Uri(uri).Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p.Length > 1 ? p[1] : ""));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

public sealed record OidcTokens(string AccessToken, string? RefreshToken, string? IdToken)
{
    /// <summary>The claims of the access token's payload (a JWS: header.payload.signature).</summary>
    public JsonElement Claims()
    {
        var payload = AccessToken.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=');
        return JsonDocument.Parse(Convert.FromBase64String(payload)).RootElement.Clone();
    }
}

public sealed class OidcException(string message, HttpStatusCode status) : Exception(message)
{
    public HttpStatusCode Status { get; } = status;
}

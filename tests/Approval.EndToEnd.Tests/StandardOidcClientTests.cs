using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Duende.IdentityModel;
using Duende.IdentityModel.Client;

namespace Approval.EndToEnd.Tests;

/// <summary>
/// A department system or a partner's application uses a standard OIDC client library, not our code (issue 21): Duende
/// IdentityModel discovers through the gateway with its default policy — the issuer must equal the address it was given
/// and every endpoint must be on it — loads the signing keys, gets a token by client credentials and by authorization
/// code + PKCE (S256), and the services accept both.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class StandardOidcClientTests(SuiteFixture suite)
{
    /// <summary>The public address (the gateway) as a client is given it.</summary>
    private string Authority => $"http://127.0.0.1:{suite.Gateway.BaseAddress!.Port}";

    private async Task<DiscoveryDocumentResponse> DiscoverAsync(HttpClient http)
    {
        var discovery = await http.GetDiscoveryDocumentAsync(new DiscoveryDocumentRequest
        {
            Address = Authority,
            // plain http on loopback; issuer name and endpoint checks stay on (the library's defaults)
            Policy = { RequireHttps = false, ValidateIssuerName = true, ValidateEndpoints = true },
        });
        Assert.False(discovery.IsError, $"{discovery.ErrorType}: {discovery.Error}");
        return discovery;
    }

    [Fact]
    public async Task Discovery_names_the_gateway_as_issuer_with_every_endpoint_and_key_reachable_on_it()
    {
        using var http = new HttpClient();
        var discovery = await DiscoverAsync(http);
        Assert.Equal(Authority + "/", discovery.Issuer);
        foreach (var endpoint in new[] { discovery.AuthorizeEndpoint, discovery.TokenEndpoint, discovery.JwksUri, discovery.RevocationEndpoint })
            Assert.StartsWith(Authority + "/", endpoint);
        Assert.Contains(discovery.KeySet!.Keys, k => k.Kty == "RSA");
    }

    [Fact]
    public async Task Client_credentials_from_the_library_give_a_token_the_services_accept()
    {
        using var http = new HttpClient();
        var discovery = await DiscoverAsync(http);
        var token = await http.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = discovery.TokenEndpoint, ClientId = "dept-ZJJ-system", ClientSecret = DepartmentSystem.SecretOf("ZJJ"),
        });
        Assert.False(token.IsError, token.Error);
        Assert.Equal(discovery.Issuer, Claims(token.AccessToken!).GetProperty("iss").GetString());

        using var items = await suite.Gateway.SendAsync(Accounts.Bearer(HttpMethod.Get, "/api/approvals/items", token.AccessToken!));
        Assert.Equal(HttpStatusCode.OK, items.StatusCode);
    }

    [Fact]
    public async Task Authorization_code_with_PKCE_from_the_library_signs_a_person_in()
    {
        using var http = new HttpClient();
        var discovery = await DiscoverAsync(http);

        // the person's browser: signs in on the gateway, then follows the library's authorize URL
        using var browser = LoopbackClients.ForOnePerson(new Uri(Authority), new CookieContainer());
        await OidcClient.LoginAsync(browser, "applicant-demo", Accounts.DemoPassword, null, CancellationToken.None);
        var verifier = CryptoRandom.CreateUniqueId(32);
        var challenge = System.Buffers.Text.Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var state = CryptoRandom.CreateUniqueId(16);
        var authorize = new RequestUrl(discovery.AuthorizeEndpoint!).CreateAuthorizeUrl(
            clientId: OidcClient.PortalClient, responseType: OidcConstants.ResponseTypes.Code, scope: "openid profile roles",
            redirectUri: OidcClient.RedirectUri, state: state, codeChallenge: challenge,
            codeChallengeMethod: OidcConstants.CodeChallengeMethods.Sha256);
        using var answer = await browser.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.Found, answer.StatusCode);
        var callback = new AuthorizeResponse(answer.Headers.Location!.ToString());
        Assert.Equal(state, callback.State);

        var tokens = await http.RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest
        {
            Address = discovery.TokenEndpoint, ClientId = OidcClient.PortalClient, Code = callback.Code!,
            RedirectUri = OidcClient.RedirectUri, CodeVerifier = verifier,
        });
        Assert.False(tokens.IsError, tokens.Error);
        var identity = Claims(tokens.IdentityToken!);
        Assert.Equal((discovery.Issuer, OidcClient.PortalClient), (identity.GetProperty("iss").GetString(), identity.GetProperty("aud").GetString()));

        using var mine = await suite.Gateway.SendAsync(Accounts.Bearer(HttpMethod.Get, "/api/intake/applications/mine", tokens.AccessToken!));
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
    }

    private static JsonElement Claims(string jwt) => new OidcTokens(jwt, null, null).Claims();
}

using OpenIddict.Client;

namespace Approval.Identity.Federation;

/// <summary>
/// Sign-in through the provincial platform (省级政务服务平台) over OpenID Connect: this identity server is an
/// OIDC client of the configured external issuer (Approval:Identity:Federation:Issuer, ClientId, ClientSecret).
/// </summary>
public static class ProvincialFederation
{
    public const string Provider = "province";
    public const string CallbackPath = "callback/province";

    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["Approval:Identity:Federation:Issuer"]);

    public static void AddProvincialClient(this OpenIddictBuilder openIddict, IConfiguration configuration)
    {
        var section = configuration.GetSection("Approval:Identity:Federation");
        openIddict.AddClient(o =>
        {
            o.AllowAuthorizationCodeFlow();
            o.AddDevelopmentEncryptionCertificate().AddDevelopmentSigningCertificate();
            o.SetRedirectionEndpointUris(CallbackPath);
            o.UseAspNetCore().EnableRedirectionEndpointPassthrough().DisableTransportSecurityRequirement();
            o.UseSystemNetHttp();
            o.AddRegistration(new OpenIddictClientRegistration
            {
                ProviderName = Provider, ProviderDisplayName = "省级政务服务平台",
                Issuer = new Uri(section["Issuer"]!, UriKind.Absolute),
                ClientId = section["ClientId"] ?? throw new InvalidOperationException("Approval:Identity:Federation:ClientId is not configured."),
                ClientSecret = section["ClientSecret"],
                Scopes = { "profile" },
                RedirectUri = new Uri(CallbackPath, UriKind.Relative),
            });
        });
    }
}

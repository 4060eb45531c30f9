using Approval.ServiceDefaults.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Scalar.AspNetCore;

namespace Approval.Gateway;

public static class GatewayExtensions
{
    /// <summary>
    /// The gateway's own answers (the API reference, its redirects, 429s) and every proxied answer without a policy of
    /// its own (API JSON, downloads): same-origin resources only, inline script and style for the API reference page,
    /// never framed. The portal's pages bring their own policy (PortalExtensions.ContentSecurityPolicy), which is kept.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; base-uri 'self'; frame-ancestors 'none'";

    /// <summary>Whose X-Forwarded-For/-Proto the gateway believes: its ingress proxies, listed here (default: none).</summary>
    public const string IngressSection = "Approval:Gateway:ForwardedHeaders";

    public static IHostApplicationBuilder AddGateway(this IHostApplicationBuilder builder)
    {
        // Each service's cluster and routes, from the one list of services, beneath appsettings.json's exceptions.
        builder.Configuration.AddGatewayRoutes(SuiteServices.All);
        builder.AddTrustedProxies(IngressSection, loopbackByDefault: false, ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
        // YARP's default transforms set X-Forwarded-For/-Proto/-Host/-Prefix from this request (after the forwarded
        // headers above): the services see the client's address, replacing whatever the client sent.
        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .AddServiceDiscoveryDestinationResolver();
        builder.Services.AddGatewayRateLimits(builder.Configuration);
        return builder;
    }

    public static WebApplication MapGateway(this WebApplication app)
    {
        app.UseRateLimiter();
        app.MapReverseProxy();
        // One API reference for the whole suite: each service's document, fetched through the proxy routes.
        app.MapScalarApiReference("/scalar", o =>
        {
            o.WithTitle("Approval 工程建设项目审批管理系统 API");
            // The default fonts come from Scalar's CDN: not reachable offline, and outside the gateway's CSP (font-src 'self').
            o.DisableDefaultFonts();
            foreach (var service in SuiteServices.All.Where(s => s.Api)) o.AddDocument(service.Name, service.Name, $"/openapi/{service.Name}.json");
        });
        app.MapGet("/", () => Results.Redirect("/scalar")).ExcludeFromDescription();
        return app;
    }
}

using Approval.Portal.Api;
using Approval.Portal.Clients;
using Approval.Portal.Components.Shared;
using Approval.Portal.Auth;
using Approval.Portal.Components;
using Approval.Portal.Data;
using Approval.ServiceDefaults;
using Approval.ServiceDefaults.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Approval.ServiceDefaults.Options;

namespace Approval.Portal;

public static class PortalExtensions
{
    /// <summary>
    /// The portal's Content-Security-Policy, also when reached without the gateway: its own scripts, styles and
    /// SignalR connection ('self' covers the same-origin websocket); inline styles (AntDesign) and inline script
    /// (Blazor's import map) allowed; never framed.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; base-uri 'self'; frame-ancestors 'none'";

    /// <summary>
    /// Blazor (interactive server), AntDesign, the OIDC sign-in, one typed client per service the portal calls (Clients/),
    /// and its own database for the Data Protection keys (Data/PortalDbContext).
    /// </summary>
    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<PortalDbContext>("portal");
        builder.AddDataProtectionKeys<PortalDbContext>("approval-portal");
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddAntDesign();
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost);
        builder.AddPortalSignIn();
        builder.AddServiceClients();
        builder.Services.AddScoped<NoticeState>();
        builder.AddValidatedOptions<LiveUpdateOptions>(LiveUpdateOptions.Section);
        return builder;
    }

    /// <summary>Behind the gateway: forwarded headers first, so the sign-in builds its addresses from the public origin.</summary>
    public static WebApplication UsePortal(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseSecurityHeaders(ContentSecurityPolicy);
        app.UseExceptionHandler("/error", createScopeForErrors: true);
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapHealthChecks("/health");
        app.MapHealthChecks("/alive", new() { Predicate = r => r.Tags.Contains(ServiceDefaultsExtensions.LiveTag) });
        app.MapStaticAssets();
        app.MapSignInEndpoints();
        app.MapCertificateDownload();
        app.MapMaterialDownload();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}

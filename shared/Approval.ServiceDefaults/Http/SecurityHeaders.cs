using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Approval.ServiceDefaults.Http;

/// <summary>
/// The browser-facing security headers of the gateway and the portal, on every answer (set when the answer
/// starts, so they also cover proxied downloads): no MIME sniffing, no framing by another site (CSP
/// frame-ancestors), no path or query in the Referer sent elsewhere, and HSTS only when served over HTTPS.
/// </summary>
public static class SecurityHeaders
{
    public const string ReferrerPolicy = "same-origin";
    public const string Hsts = "max-age=31536000";

    /// <param name="contentSecurityPolicy">The policy for answers that bring none of their own.</param>
    /// <param name="keepOwnPolicy">Keep a policy the answer already has (the gateway keeps the portal's).</param>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, string contentSecurityPolicy, bool keepOwnPolicy = false) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                Apply(context, contentSecurityPolicy, keepOwnPolicy);
                return Task.CompletedTask;
            });
            return next(context);
        });

    public static void Apply(HttpContext context, string contentSecurityPolicy, bool keepOwnPolicy)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = ReferrerPolicy;
        if (!keepOwnPolicy || StringValues.IsNullOrEmpty(headers.ContentSecurityPolicy)) headers.ContentSecurityPolicy = contentSecurityPolicy;
        if (context.Request.IsHttps) headers.StrictTransportSecurity = Hsts;
        else headers.Remove("Strict-Transport-Security");
    }
}

using Approval.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http;

namespace Approval.UnitTests;

/// <summary>The security headers of the gateway and the portal: HSTS only over HTTPS, an answer's own policy kept only when asked.</summary>
public sealed class SecurityHeadersTests
{
    private static HttpContext Answer(string scheme, string? ownPolicy = null, string? ownHsts = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Scheme = scheme;
        if (ownPolicy is not null) context.Response.Headers.ContentSecurityPolicy = ownPolicy;
        if (ownHsts is not null) context.Response.Headers.StrictTransportSecurity = ownHsts;
        return context;
    }

    [Fact]
    public void Over_https_the_answer_pins_https_for_a_year_and_over_http_it_carries_no_hsts()
    {
        var https = Answer("https");
        SecurityHeaders.Apply(https, "frame-ancestors 'none'", keepOwnPolicy: false);
        Assert.Equal("max-age=31536000", https.Response.Headers.StrictTransportSecurity.ToString());

        var http = Answer("http", ownHsts: "max-age=1");
        SecurityHeaders.Apply(http, "frame-ancestors 'none'", keepOwnPolicy: false);
        Assert.False(http.Response.Headers.ContainsKey("Strict-Transport-Security"));
        Assert.Equal(("nosniff", "same-origin"), (http.Response.Headers.XContentTypeOptions.ToString(), http.Response.Headers["Referrer-Policy"].ToString()));
    }

    [Fact]
    public void The_gateway_keeps_the_portals_policy_and_gives_its_own_to_answers_without_one()
    {
        var portalPage = Answer("http", ownPolicy: "default-src 'self'; frame-ancestors 'none'");
        SecurityHeaders.Apply(portalPage, "gateway-policy", keepOwnPolicy: true);
        Assert.Equal("default-src 'self'; frame-ancestors 'none'", portalPage.Response.Headers.ContentSecurityPolicy.ToString());

        var json = Answer("http");
        SecurityHeaders.Apply(json, "gateway-policy", keepOwnPolicy: true);
        Assert.Equal("gateway-policy", json.Response.Headers.ContentSecurityPolicy.ToString());

        var replaced = Answer("http", ownPolicy: "script-src *");
        SecurityHeaders.Apply(replaced, "portal-policy", keepOwnPolicy: false);
        Assert.Equal("portal-policy", replaced.Response.Headers.ContentSecurityPolicy.ToString());
    }
}

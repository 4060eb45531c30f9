using System.Text.Encodings.Web;
using System.Text.Unicode;
using Approval.ServiceDefaults.Http;
using Approval.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Approval.ServiceDefaults;

/// <summary>What every service of the suite shares: telemetry, health, discovery, resilience, errors, OpenAPI.</summary>
public static class ServiceDefaultsExtensions
{
    public const string LiveTag = "live";

    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder)
    {
        builder.ConfigureApprovalTelemetry();
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });
        // Chinese text travels as UTF-8, not as \uXXXX escapes, so API answers are readable as they are.
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All));
        // In Development a 500 names its exception (ApprovalExceptionHandler.NameException): a test that meets one says why.
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = development ? ApprovalExceptionHandler.NameException : null);
        builder.Services.AddExceptionHandler<ApprovalExceptionHandler>();
        builder.Services.AddOpenApi();
        builder.AddApprovalIdentity();
        // The client's address (audit records) comes from X-Forwarded-For only when a known proxy — the gateway — sent it.
        builder.AddTrustedProxies(TrustedProxies.ServicesSection, loopbackByDefault: true, ForwardedHeaders.XForwardedFor);
        builder.Services.AddSingleton(TestTime.From(builder.Configuration, builder.Environment));
        // Tokens are checked against the real time even when a test moves the service's clock (TestTime).
        builder.Services.PostConfigureAll<JwtBearerOptions>(o => o.TimeProvider = TimeProvider.System);
        return builder;
    }

    /// <summary>/health (everything, including databases and the bus) and /alive (the process), in every environment.</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health");
        app.MapHealthChecks("/alive", new HealthCheckOptions { Predicate = r => r.Tags.Contains(LiveTag) });
        app.MapOpenApi();
        return app;
    }

    /// <summary>The common request pipeline: forwarded headers of trusted proxies, one exception handler, status-code ProblemDetails, identity.</summary>
    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}

using Scalar.AspNetCore;

namespace Approval.Gateway;

public static class GatewayExtensions
{
    /// <summary>The services whose APIs the gateway exposes at /api/{name}/… and /openapi/{name}.json.</summary>
    public static readonly string[] Services = ["catalog", "intake", "approvals", "licences", "projects", "notifications", "identity"];

    public static IHostApplicationBuilder AddGateway(this IHostApplicationBuilder builder)
    {
        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .AddServiceDiscoveryDestinationResolver();
        builder.Services.AddSignInRateLimit(builder.Configuration);
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
            foreach (var service in Services) o.AddDocument(service, service, $"/openapi/{service}.json");
        });
        app.MapGet("/", () => Results.Redirect("/scalar")).ExcludeFromDescription();
        return app;
    }
}

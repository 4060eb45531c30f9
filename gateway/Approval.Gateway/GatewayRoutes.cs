using Microsoft.Extensions.Configuration.Memory;

namespace Approval.Gateway;

/// <summary>
/// The gateway's routes, declared once per service of <see cref="SuiteServices"/>: cluster &lt;name&gt; at http://&lt;name&gt;
/// (service discovery) and, for a service with an API, route &lt;name&gt;-api for /api/&lt;name&gt;/… (only for a signed-in
/// caller — AuthorizationPolicy "default" — unless the service is anonymous) and route &lt;name&gt;-openapi for
/// /openapi/&lt;name&gt;.json (the service's /openapi/v1.json). They enter the configuration first, under appsettings.json,
/// which holds the exceptions: settings added to these routes by name (intake-api's MaxRequestBodySize), the
/// rate-limited anonymous entry points (<see cref="GatewayRateLimits"/>), Identity's /connect/ and /.well-known/, and the
/// portal's own routes.
/// </summary>
public static class GatewayRoutes
{
    private const string Section = "ReverseProxy";

    public static Dictionary<string, string?> For(IEnumerable<SuiteService> services)
    {
        var config = new Dictionary<string, string?>();
        foreach (var service in services)
        {
            var name = service.Name;
            config[$"{Section}:Clusters:{name}:Destinations:d1:Address"] = $"http://{name}";
            if (!service.Api) continue;
            config[$"{Section}:Routes:{name}-api:ClusterId"] = name;
            config[$"{Section}:Routes:{name}-api:Match:Path"] = $"/api/{name}/{{**rest}}";
            if (!service.Anonymous) config[$"{Section}:Routes:{name}-api:AuthorizationPolicy"] = "default";
            config[$"{Section}:Routes:{name}-openapi:ClusterId"] = name;
            config[$"{Section}:Routes:{name}-openapi:Match:Path"] = $"/openapi/{name}.json";
            config[$"{Section}:Routes:{name}-openapi:Transforms:0:PathSet"] = "/openapi/v1.json";
        }
        return config;
    }

    /// <summary>Adds the routes of <paramref name="services"/> beneath every other configuration source (appsettings.json, environment).</summary>
    public static IConfigurationBuilder AddGatewayRoutes(this IConfigurationBuilder configuration, IEnumerable<SuiteService> services)
    {
        configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = For(services) });
        return configuration;
    }
}

using System.Diagnostics;
using System.Text.RegularExpressions;
using Approval.Gateway;
using Approval.Portal.Clients;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Approval.UnitTests.Charts;
using Microsoft.Extensions.Configuration;
using YamlDotNet.RepresentationModel;

namespace Approval.UnitTests.Suite;

/// <summary>
/// shared/services.json is the one list of the suite's services (docs/adding-a-service.md). The gateway's routes are built
/// from it; the AppHost, the chart and ./approval are checked against it here: a service missing from any of them fails.
/// </summary>
public class SuiteServicesTests
{
    private static readonly string Root = RepoPaths.Root();

    public static TheoryData<string> Listed() => new(SuiteServices.All.Select(s => s.Name));

    /// <summary>The service's folder name (services/Intake for "intake").</summary>
    private static string Folder(string name) =>
        Directory.GetDirectories(Path.Combine(Root, "services")).Select(Path.GetFileName).Single(d => d!.Equals(name, StringComparison.OrdinalIgnoreCase))!;

    [Fact]
    public void The_list_names_every_service_folder_once()
    {
        var names = SuiteServices.All.Select(s => s.Name).ToList();
        Assert.Equal(names.Distinct(), names);
        var folders = Directory.GetDirectories(Path.Combine(Root, "services")).Select(d => Path.GetFileName(d).ToLowerInvariant());
        Assert.Equal(folders.Order(), names.Order());
    }

    [Theory]
    [MemberData(nameof(Listed))]
    public void The_AppHost_adds_the_service_under_its_name(string name)
    {
        var folder = Folder(name);
        var appHost = File.ReadAllText(Path.Combine(Root, "apphost", "Approval.AppHost", "AppHost.cs"));
        Assert.Matches(new Regex($@"Listed\((Service|builder\.AddProject)<Projects\.Approval_{folder}>\(""{name}"""), appHost);
        var project = File.ReadAllText(Path.Combine(Root, "apphost", "Approval.AppHost", "Approval.AppHost.csproj"));
        Assert.Contains($@"<ProjectReference Include=""..\..\services\{folder}\Approval.{folder}\Approval.{folder}.csproj"" />", project);
    }

    [Theory]
    [MemberData(nameof(Listed))]
    public void The_gateway_routes_to_the_service(string name)
    {
        var service = SuiteServices.All.Single(s => s.Name == name);
        var proxy = GatewayConfiguration().GetSection("ReverseProxy");
        Assert.Equal($"http://{name}", proxy[$"Clusters:{name}:Destinations:d1:Address"]);
        if (!service.Api) return;
        Assert.Equal($"/api/{name}/{{**rest}}", proxy[$"Routes:{name}-api:Match:Path"]);
        Assert.Equal(service.Anonymous ? null : "default", proxy[$"Routes:{name}-api:AuthorizationPolicy"]);
        Assert.Equal($"/openapi/{name}.json", proxy[$"Routes:{name}-openapi:Match:Path"]);
        Assert.Equal("/openapi/v1.json", proxy[$"Routes:{name}-openapi:Transforms:0:PathSet"]);
    }

    /// <summary>An exception in appsettings.json names a listed service's cluster, a known rate limit, and a route that has a path.</summary>
    [Fact]
    public void Every_gateway_route_has_a_path_and_a_listed_cluster_and_a_known_rate_limit()
    {
        var routes = GatewayConfiguration().GetSection("ReverseProxy:Routes").GetChildren().ToList();
        Assert.Equal(2 * SuiteServices.All.Count(s => s.Api) + 11, routes.Count);
        var policies = GatewayRateLimits.Policies.Select(p => p.Policy).ToHashSet();
        foreach (var route in routes)
        {
            Assert.False(string.IsNullOrEmpty(route["Match:Path"]), $"route {route.Key} has no path (an exception for a route that is not generated?)");
            Assert.Contains(route["ClusterId"], SuiteServices.All.Select(s => s.Name));
            if (route["RateLimiterPolicy"] is { } policy) Assert.Contains(policy, policies);
        }
    }

    [Theory]
    [MemberData(nameof(Listed))]
    public void The_chart_deploys_the_service_and_resolves_its_name(string name)
    {
        var kustomization = ChartManifest.Kustomization(Path.Combine(ChartManifest.ChartsDir, "base"));
        Assert.Contains($"{name}.yaml", kustomization.Items("resources").Select(r => ((YamlScalarNode)r).Value));
        var literals = kustomization.Items("configMapGenerator").Single(g => g.Text("name") == "approval-endpoints").Items("literals")
            .Select(l => ((YamlScalarNode)l).Value);
        Assert.Contains($"services__{name}__http__0=http://{name}", literals);
    }

    /// <summary>./approval (the bench's outbox report) reads the list itself: its reading yields every service, in order.</summary>
    [Fact]
    public void The_approval_script_reads_every_service_of_the_list()
    {
        var script = File.ReadAllText(Path.Combine(Root, "approval"));
        var function = Regex.Match(script, @"^suite_services\(\) \{.*\}$", RegexOptions.Multiline);
        Assert.True(function.Success, "./approval has no one-line suite_services() function");
        foreach (var service in SuiteServices.All) Assert.DoesNotContain($"approval_{service.Name}", script);
        Assert.Contains("for service in $(suite_services); do", script); // the bench's outbox report walks the list
        var bash = Process.Start(new ProcessStartInfo("bash", ["-c", $"{function.Value}\nsuite_services"])
        {
            RedirectStandardOutput = true, Environment = { ["REPO"] = Root },
        })!;
        var output = bash.StandardOutput.ReadToEnd();
        bash.WaitForExit();
        Assert.Equal(0, bash.ExitCode);
        Assert.Equal(SuiteServices.All.Select(s => s.Name), output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>
    /// The portal calls the services through one typed client each (services/Portal/…/Clients): every client is registered
    /// on a listed service with an API, and every listed service with an API has its client.
    /// </summary>
    [Fact]
    public void The_portal_has_a_typed_client_on_every_listed_service_with_an_API()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new());
        builder.AddServiceClients();
        var factory = builder.Services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>();
        var clients = typeof(ServiceClient).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(ServiceClient)) && !t.IsAbstract).ToList();
        Assert.NotEmpty(clients);
        var called = clients.Select(c => factory.CreateClient(c.Name).BaseAddress?.ToString()).ToList();
        var listed = SuiteServices.All.Where(s => s.Api).Select(s => $"http://{s.Name}/");
        Assert.Equal(listed.Order(), called.Order());
    }

    /// <summary>The gateway's configuration as it starts: the generated routes beneath its appsettings.json.</summary>
    internal static IConfiguration GatewayConfiguration() => new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(Root, "gateway", "Approval.Gateway", "appsettings.json"))
        .AddGatewayRoutes(SuiteServices.All)
        .Build();
}

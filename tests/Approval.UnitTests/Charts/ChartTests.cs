using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Approval.UnitTests.Suite;
using YamlDotNet.RepresentationModel;

namespace Approval.UnitTests.Charts;

/// <summary>
/// charts/ (R-0.3) stays true to the code: every deployable service has a Deployment and a Service, every
/// address the gateway and the services look up resolves inside the namespace, every secret a container reads
/// is one an overlay provides, and every region overlay ships its whole region pack and names every image.
/// (Rendering itself is `kubectl kustomize`, docs/operations.md; this machine's CI has no cluster.)
/// </summary>
public class ChartTests
{
    private static readonly string Root = RepoPaths.Root();

    /// <summary>gateway + every services/&lt;Context&gt;/Approval.&lt;Context&gt;, lower-cased as the AppHost names them.</summary>
    public static TheoryData<string> Deployables()
    {
        var names = new TheoryData<string> { "gateway" };
        foreach (var dir in Directory.GetDirectories(Path.Combine(Root, "services")).Order())
            names.Add(Path.GetFileName(dir).ToLowerInvariant());
        return names;
    }

    private static List<(string Kind, string Name, YamlMappingNode Doc)> Resources() => ChartManifest.BaseResources().ToList();

    private static YamlMappingNode Container(string name) =>
        (YamlMappingNode)Resources().Single(r => r.Kind == "Deployment" && r.Name == name).Doc.Items("spec", "template", "spec", "containers").Single();

    private static Dictionary<string, string> Endpoints() =>
        ChartManifest.Kustomization(Path.Combine(ChartManifest.ChartsDir, "base")).Items("configMapGenerator")
            .Single(g => g.Text("name") == "approval-endpoints").Items("literals")
            .Select(l => ((YamlScalarNode)l).Value!.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);

    [Theory]
    [MemberData(nameof(Deployables))]
    public void Every_service_has_a_deployment_with_probes_and_a_service(string name)
    {
        var resources = Resources();
        Assert.Contains(resources, r => r.Kind == "Service" && r.Name == name);
        var container = Container(name);
        Assert.Equal($"approval/{name}:latest", container.Text("image"));
        Assert.Equal("/health", container.Text("readinessProbe", "httpGet", "path"));
        Assert.Equal("/alive", container.Text("livenessProbe", "httpGet", "path"));
    }

    [Fact]
    public void Every_gateway_destination_and_discovery_key_names_a_service_of_the_chart()
    {
        var services = Resources().Where(r => r.Kind == "Service").Select(r => r.Name).ToHashSet();
        var endpoints = Endpoints();
        var destinations = SuiteServicesTests.GatewayConfiguration().GetSection("ReverseProxy:Clusters").GetChildren()
            .SelectMany(c => c.GetSection("Destinations").GetChildren().Select(d => new Uri(d["Address"]!).Host)).Distinct().ToList();
        Assert.NotEmpty(destinations);
        foreach (var host in destinations)
        {
            Assert.True(endpoints.ContainsKey($"services__{host}__http__0"), $"the gateway's cluster '{host}' has no discovery key in approval-endpoints");
            Assert.Contains(host, services);
        }
        foreach (var (key, value) in endpoints.Where(e => e.Key.StartsWith("services__", StringComparison.Ordinal)))
            Assert.Contains(new Uri(value).Host, services);
    }

    [Fact]
    public void Every_secret_a_container_reads_is_provided_by_every_overlay()
    {
        var keys = Resources().Where(r => r.Kind is "Deployment" or "Job")
            .SelectMany(r => r.Doc.Items("spec", "template", "spec", "containers").SelectMany(c => c.Items("env")))
            .Select(e => e.At("valueFrom", "secretKeyRef")).OfType<YamlMappingNode>()
            // An optional key (Licences' previous seal key-encryption key, only while rotating it) may be left out.
            .Where(s => s.Text("optional") != "true")
            .Select(s => (Name: s.Text("name")!, Key: s.Text("key")!)).Distinct().ToList();
        Assert.NotEmpty(keys);
        foreach (var overlay in Overlays())
        {
            var generator = ChartManifest.Kustomization(overlay).Items("secretGenerator").Single(g => g.Text("name") == "approval-secrets");
            var example = File.ReadAllLines(Path.Combine(overlay, "secrets.env.example"))
                .Where(l => l.Contains('=') && !l.TrimStart().StartsWith('#')).Select(l => l.Split('=')[0].Trim());
            var files = generator.Items("files").Select(f => ((YamlScalarNode)f).Value!.Split('=')[0]);
            var provided = example.Concat(files).ToHashSet();
            foreach (var (name, key) in keys)
            {
                Assert.Equal("approval-secrets", name);
                Assert.True(provided.Contains(key), $"{Path.GetFileName(overlay)} does not provide secret key '{key}'");
            }
        }
    }

    /// <summary>
    /// Issue 13: each department system has its own secret. Identity reads them from the Secret approval-department-clients
    /// (one key per client, named as the setting); every overlay generates it with one line per department of its pack.
    /// </summary>
    [Fact]
    public void Every_overlay_gives_each_department_system_its_own_secret_key()
    {
        var identity = Container("identity");
        Assert.Contains(identity.Items("envFrom"), e => e.Text("secretRef", "name") == "approval-department-clients");
        Assert.DoesNotContain(identity.Items("env"), e => e.Text("name") == "Approval__Identity__DepartmentClientSecret");
        foreach (var overlay in Overlays())
        {
            var generator = ChartManifest.Kustomization(overlay).Items("secretGenerator").Single(g => g.Text("name") == "approval-department-clients");
            var file = ((YamlScalarNode)generator.Items("envs").Single()).Value!;
            var keys = File.ReadAllLines(Path.Combine(overlay, file + ".example"))
                .Where(l => l.Contains('=') && !l.TrimStart().StartsWith('#')).Select(l => l.Split('=')[0].Trim()).ToList();
            var pack = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.RegionPack(Path.GetFileName(overlay)), "catalog.json")))!;
            var departments = pack["departments"]!.AsArray().Where(d => (d!["kind"]?.GetValue<string>() ?? "department") == "department")
                .Select(d => d!["code"]!.GetValue<string>());
            Assert.Equal(departments.Select(c => $"Approval__Identity__DepartmentClients__{c}__Secret").Order(), keys.Order());
        }
    }

    [Fact]
    public void Services_given_the_region_pack_by_the_AppHost_mount_it_in_the_chart()
    {
        var appHost = File.ReadAllText(Path.Combine(Root, "apphost", "Approval.AppHost", "AppHost.cs"));
        var deployments = Resources().Where(r => r.Kind == "Deployment").Select(r => r.Name).ToHashSet();
        // Each `var x = Service<Projects.Approval_X>("x") ... ;` statement of the AppHost.
        var statements = Regex.Matches(appHost, @"Service<Projects\.Approval_\w+>\(""(?<name>\w+)""\)(?<rest>[^;]*);");
        Assert.NotEmpty(statements);
        foreach (Match s in statements)
        {
            var name = s.Groups["name"].Value;
            if (!deployments.Contains(name)) continue; // local stand-ins (the provincial identity) are not deployed
            var wantsPack = s.Groups["rest"].Value.Contains("Approval__RegionPack", StringComparison.Ordinal);
            var env = Container(name).Items("env").Select(e => e.Text("name")).ToList();
            Assert.True(wantsPack == env.Contains("Approval__RegionPack"), $"{name}: the AppHost {(wantsPack ? "gives" : "does not give")} it the region pack, the chart disagrees");
        }
    }

    [Fact]
    public void Every_overlay_ships_its_whole_region_pack_and_names_every_image()
    {
        var images = Resources().Where(r => r.Kind == "Deployment").Select(r => Container(r.Name).Text("image")!.Split(':')[0]).ToHashSet();
        var overlays = Overlays().ToList();
        Assert.NotEmpty(overlays);
        foreach (var overlay in overlays)
        {
            var region = Path.GetFileName(overlay);
            var kustomization = ChartManifest.Kustomization(overlay);
            Assert.Equal($"approval-{region}", kustomization.Text("namespace"));
            var packFiles = kustomization.Items("configMapGenerator").Single(g => g.Text("name") == "region-pack").Items("files")
                .Select(f => Path.GetFullPath(Path.Combine(overlay, ((YamlScalarNode)f).Value!))).Order().ToList();
            var regionFiles = Directory.GetFiles(RepoPaths.RegionPack(region)).Select(Path.GetFullPath).Order().ToList();
            Assert.Equal(regionFiles, packFiles);
            var named = kustomization.Items("images").Select(i => i.Text("name")!).ToHashSet();
            Assert.Subset(images, named);
        }
    }

    /// <summary>
    /// Every Approval__… setting the manifests give (env, ConfigMap literals, secret-fed env) is one the code reads: its
    /// path (Approval:A:B) is in the sources, or a section of it is and the rest is read under it (":B") or bound to an
    /// options property ("B { get;"). A misspelt or retired key in the chart would otherwise be ignored without a word.
    /// </summary>
    [Fact]
    public void Every_setting_the_manifests_give_is_one_the_code_reads()
    {
        var keys = Directory.GetFiles(Path.Combine(Root, "charts"), "*.yaml", SearchOption.AllDirectories)
            .SelectMany(f => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(f), @"\bApproval__[A-Za-z0-9_]+").Select(m => m.Value))
            .ToHashSet();
        Assert.Contains("Approval__Database__Migrations", keys);
        var sources = string.Join("\n", new[] { "services", "shared", "gateway" }
            .SelectMany(d => Directory.GetFiles(Path.Combine(Root, d), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Select(File.ReadAllText));
        var unread = keys.Where(k => !IsRead(k, sources)).Order().ToList();
        Assert.True(unread.Count == 0, "settings in charts/ that no service reads:\n" + string.Join("\n", unread));
        Assert.False(IsRead("Approval__Licences__SealKeyEncryptionKeyy", sources));
    }

    private static bool IsRead(string key, string sources)
    {
        var parts = key.Split("__").Where(p => p.Length > 0 && !p.All(char.IsAsciiDigit)).ToArray();
        for (var k = parts.Length; k >= 2; k--)
        {
            if (!sources.Contains(string.Join(':', parts[..k]), StringComparison.Ordinal)) continue;
            if (parts[k..].All(rest => sources.Contains(":" + rest + "\"", StringComparison.Ordinal) || sources.Contains(":" + rest + ":", StringComparison.Ordinal)
                || System.Text.RegularExpressions.Regex.IsMatch(sources, $@"\b{rest}\s*\{{\s*get;")))
                return true;
        }
        return false;
    }

    private static IEnumerable<string> Overlays() => Directory.GetDirectories(Path.Combine(ChartManifest.ChartsDir, "overlays")).Order();
}

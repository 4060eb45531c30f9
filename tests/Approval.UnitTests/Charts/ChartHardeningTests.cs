using YamlDotNet.RepresentationModel;

namespace Approval.UnitTests.Charts;

/// <summary>
/// What a municipal operator's cluster admission would ask of charts/ (issue 21): every Deployment starts behind a
/// startup probe, runs as non-root on a read-only root with no capabilities and RuntimeDefault seccomp, under its own
/// ServiceAccount without a token, with CPU and memory limits; every service but the portal runs two replicas with a
/// PodDisruptionBudget and an HPA; the namespace denies all traffic by default; the Ingress is TLS with a class and
/// room for 20 MB uploads.
/// </summary>
public class ChartHardeningTests
{
    private static readonly List<(string Kind, string Name, YamlMappingNode Doc)> Resources = ChartManifest.BaseResources().ToList();

    private static IEnumerable<(string Name, YamlMappingNode Doc)> Deployments() =>
        Resources.Where(r => r.Kind == "Deployment").Select(r => (r.Name, r.Doc));

    public static TheoryData<string> DeploymentNames() => new(Deployments().Select(d => d.Name));

    [Theory]
    [MemberData(nameof(DeploymentNames))]
    public void Every_deployment_is_hardened_and_probed(string name)
    {
        var doc = Deployments().Single(d => d.Name == name).Doc;
        var pod = doc.At("spec", "template", "spec")!;
        var container = doc.Items("spec", "template", "spec", "containers").Single();

        Assert.Equal("/alive", container.Text("startupProbe", "httpGet", "path"));
        Assert.True(int.Parse(container.Text("startupProbe", "periodSeconds")!) * int.Parse(container.Text("startupProbe", "failureThreshold")!) >= 120,
            $"{name}: the startup probe must allow two minutes at least for migrations and seeding");
        Assert.Null(container.Text("livenessProbe", "initialDelaySeconds"));
        Assert.Equal("/health", container.Text("readinessProbe", "httpGet", "path"));

        Assert.Equal("true", pod.Text("securityContext", "runAsNonRoot"));
        Assert.NotEqual("0", pod.Text("securityContext", "runAsUser"));
        Assert.Equal("RuntimeDefault", pod.Text("securityContext", "seccompProfile", "type"));
        Assert.Equal("true", container.Text("securityContext", "readOnlyRootFilesystem"));
        Assert.Equal("false", container.Text("securityContext", "allowPrivilegeEscalation"));
        Assert.Equal(["ALL"], container.Items("securityContext", "capabilities", "drop").Select(c => ((YamlScalarNode)c).Value));

        Assert.NotNull(container.Text("resources", "requests", "cpu"));
        Assert.NotNull(container.Text("resources", "limits", "cpu"));
        Assert.NotNull(container.Text("resources", "limits", "memory"));

        // a read-only root with a writable /tmp
        var tmp = container.Items("volumeMounts").Single(m => m.Text("mountPath") == "/tmp").Text("name");
        Assert.Contains(pod.Items("volumes"), v => v.Text("name") == tmp && v.At("emptyDir") is not null);

        Assert.Equal(name, pod.Text("serviceAccountName"));
        Assert.Equal("false", pod.Text("automountServiceAccountToken"));
        var account = Resources.Single(r => r.Kind == "ServiceAccount" && r.Name == name).Doc;
        Assert.Equal("false", account.Text("automountServiceAccountToken"));
        Assert.NotEmpty(pod.Items("topologySpreadConstraints"));
    }

    [Theory]
    [MemberData(nameof(DeploymentNames))]
    public void Every_service_but_the_portal_runs_two_replicas_with_a_disruption_budget_and_an_autoscaler(string name)
    {
        var replicas = int.Parse(Deployments().Single(d => d.Name == name).Doc.Text("spec", "replicas")!);
        var budget = Resources.SingleOrDefault(r => r.Kind == "PodDisruptionBudget" && r.Name == name).Doc;
        var scaler = Resources.SingleOrDefault(r => r.Kind == "HorizontalPodAutoscaler" && r.Name == name).Doc;
        if (name == "portal")
        {
            // Blazor Server circuits live in the process: one replica until the ingress has session affinity
            Assert.Equal(1, replicas);
            Assert.Null(scaler);
            return;
        }
        Assert.True(replicas >= 2, $"{name}: {replicas} replica(s)");
        Assert.Equal(name, budget!.Text("spec", "selector", "matchLabels", "app.kubernetes.io/name"));
        Assert.Equal("1", budget.Text("spec", "minAvailable"));
        Assert.Equal(name, scaler!.Text("spec", "scaleTargetRef", "name"));
        Assert.True(int.Parse(scaler.Text("spec", "minReplicas")!) >= 2);
    }

    [Fact]
    public void The_namespace_denies_all_traffic_by_default_and_opens_only_named_paths()
    {
        var policies = Resources.Where(r => r.Kind == "NetworkPolicy").ToList();
        var deny = Assert.Single(policies, p => p.Doc.At("spec", "podSelector") is YamlMappingNode { Children.Count: 0 }
            && p.Doc.At("spec", "ingress") is null && p.Doc.At("spec", "egress") is null);
        Assert.Equal(["Ingress", "Egress"], deny.Doc.Items("spec", "policyTypes").Select(t => ((YamlScalarNode)t).Value));
        // from outside the namespace, only the gateway is reachable
        var fromOutside = policies.Where(p => p.Doc.Items("spec", "ingress").Any(i => i.Items("from").Any(f => f.At("namespaceSelector") is not null))).ToList();
        Assert.All(fromOutside, p => Assert.Equal("gateway", p.Doc.Text("spec", "podSelector", "matchLabels", "app.kubernetes.io/name")));
        // HTTPS out only for the services that call outside systems
        var outside = policies.Single(p => p.Name == "allow-outside-systems").Doc;
        var callers = outside.At("spec", "podSelector")!.Items("matchExpressions").Single().Items("values").Select(v => ((YamlScalarNode)v).Value).ToHashSet();
        Assert.DoesNotContain("gateway", callers);
        Assert.DoesNotContain("portal", callers);
        Assert.Contains("notifications", callers);
    }

    [Fact]
    public void The_ingress_is_tls_with_a_class_and_room_for_20_mb_uploads_and_every_overlay_names_its_host_twice()
    {
        var ingress = Resources.Single(r => r.Kind == "Ingress").Doc;
        Assert.NotNull(ingress.Text("spec", "ingressClassName"));
        Assert.NotNull(ingress.Items("spec", "tls").Single().Text("secretName"));
        var size = ingress.Text("metadata", "annotations", "nginx.ingress.kubernetes.io/proxy-body-size")!;
        Assert.True(int.Parse(size.TrimEnd('m')) >= 20, size);

        foreach (var overlay in Directory.GetDirectories(Path.Combine(ChartManifest.ChartsDir, "overlays")))
        {
            var patch = ChartManifest.Kustomization(overlay).Items("patches").Single(p => p.Text("target", "kind") == "Ingress").Text("patch")!;
            var operations = new YamlStream();
            operations.Load(new StringReader(patch));
            var replaced = ((YamlSequenceNode)operations.Documents[0].RootNode).Children
                .ToDictionary(o => o.Text("path")!, o => o.Text("value")!);
            Assert.Equal(replaced["/spec/rules/0/host"], replaced["/spec/tls/0/hosts/0"]);
        }
    }

    [Fact]
    public void Every_service_names_its_region_to_telemetry()
    {
        foreach (var (name, doc) in Deployments())
        {
            var container = doc.Items("spec", "template", "spec", "containers").Single();
            Assert.Contains(container.Items("envFrom"), e => e.Text("configMapRef", "name") == "approval-region");
            Assert.Contains(container.Items("env"), e => e.Text("name") == "OTEL_SERVICE_NAME" && e.Text("value") == name);
        }
        foreach (var overlay in Directory.GetDirectories(Path.Combine(ChartManifest.ChartsDir, "overlays")))
        {
            var region = Path.GetFileName(overlay);
            var literals = ChartManifest.Kustomization(overlay).Items("configMapGenerator").Single(g => g.Text("name") == "approval-region")
                .Items("literals").Select(l => ((YamlScalarNode)l).Value!.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
            Assert.Contains($"deployment.region={region}", literals["OTEL_RESOURCE_ATTRIBUTES"]);
        }
    }

    /// <summary>
    /// One database credential per service, and migrations as Jobs: each service with a database reads only its own
    /// connection string (secret key &lt;service&gt;-db, never a shared server credential), a Job migrate-&lt;service&gt; runs
    /// the migrations bundle of the same image with the same key, the services only await their migrations, and every
    /// overlay's example names a database and a role of the region's own per service.
    /// </summary>
    [Fact]
    public void Every_service_has_its_own_database_credential_and_a_migrations_job()
    {
        var jobs = Resources.Where(r => r.Kind == "Job").ToDictionary(r => r.Name, r => r.Doc);
        var withDatabase = new List<string>();
        foreach (var (name, doc) in Deployments())
        {
            var container = doc.Items("spec", "template", "spec", "containers").Single();
            var secrets = container.Items("env").Where(e => e.Text("name")!.StartsWith("ConnectionStrings__", StringComparison.Ordinal)
                && !e.Text("name")!.EndsWith("rabbitmq", StringComparison.Ordinal))
                .ToDictionary(e => e.Text("name")!, e => e.Text("valueFrom", "secretKeyRef", "key"));
            Assert.DoesNotContain("ConnectionStrings__postgres", secrets.Keys);
            if (name == "gateway") { Assert.Empty(secrets); Assert.DoesNotContain($"migrate-{name}", jobs.Keys); continue; }
            withDatabase.Add(name);
            Assert.Equal($"{name}-db", secrets[$"ConnectionStrings__{name}db"]);

            Assert.True(jobs.TryGetValue($"migrate-{name}", out var job), $"{name}: no migrations Job migrate-{name}");
            var pod = job.At("spec", "template", "spec")!;
            var migrate = job.Items("spec", "template", "spec", "containers").Single();
            Assert.Equal(container.Text("image"), migrate.Text("image"));
            Assert.Equal(["/app/efbundle"], migrate.Items("command").Select(c => ((YamlScalarNode)c).Value));
            Assert.Equal($"{name}-db", migrate.Items("env").Single().Text("valueFrom", "secretKeyRef", "key"));
            Assert.Equal("true", pod.Text("securityContext", "runAsNonRoot"));
            Assert.Equal("true", migrate.Text("securityContext", "readOnlyRootFilesystem"));
            Assert.Equal(name, pod.Text("serviceAccountName"));
            // the service's Service selects app.kubernetes.io/name=<service>: a migration pod must never receive its traffic
            Assert.NotEqual(name, job.Text("spec", "template", "metadata", "labels", "app.kubernetes.io/name"));
            Assert.Equal("approval", job.Text("spec", "template", "metadata", "labels", "app.kubernetes.io/part-of"));
        }
        Assert.Equal(withDatabase.Select(n => $"migrate-{n}").Order(), jobs.Keys.Order());

        var endpoints = ChartManifest.Kustomization(Path.Combine(ChartManifest.ChartsDir, "base")).Items("configMapGenerator")
            .Single(g => g.Text("name") == "approval-endpoints").Items("literals").Select(l => ((YamlScalarNode)l).Value!);
        Assert.Contains("Approval__Database__Migrations=await", endpoints);

        foreach (var overlay in Directory.GetDirectories(Path.Combine(ChartManifest.ChartsDir, "overlays")))
        {
            var region = Path.GetFileName(overlay);
            var lines = File.ReadAllLines(Path.Combine(overlay, "secrets.env.example")).Where(l => !l.StartsWith('#') && l.Contains('='))
                .Select(l => l.Split('=', 2)).Where(p => p[0].EndsWith("-db", StringComparison.Ordinal))
                .ToDictionary(p => p[0], p => new Npgsql.NpgsqlConnectionStringBuilder(p[1]));
            foreach (var name in withDatabase)
            {
                var connection = lines[$"{name}-db"];
                Assert.Equal($"approval_{region}_{name}", connection.Database);
                Assert.Equal($"approval_{region}_{name}", connection.Username);
            }
        }
    }

    /// <summary>
    /// Images by digest: the base pins every image a Deployment or Job runs to the manifest digest `./approval images`
    /// built, and no overlay sets a tag (a tag would replace the digest); overlays only move the names to their registry.
    /// </summary>
    [Fact]
    public void Every_image_is_pinned_by_digest_and_overlays_only_rename_them()
    {
        var used = Resources.Where(r => r.Kind is "Deployment" or "Job")
            .SelectMany(r => r.Doc.Items("spec", "template", "spec", "containers")).Select(c => c.Text("image")!.Split(':')[0]).ToHashSet();
        var pinned = ChartManifest.Kustomization(Path.Combine(ChartManifest.ChartsDir, "base")).Items("images")
            .ToDictionary(i => i.Text("name")!, i => i.Text("digest"));
        foreach (var image in used)
        {
            Assert.True(pinned.TryGetValue(image, out var digest), $"{image} is not pinned by digest in charts/base/kustomization.yaml");
            Assert.Matches("^sha256:[0-9a-f]{64}$", digest);
        }
        foreach (var overlay in Directory.GetDirectories(Path.Combine(ChartManifest.ChartsDir, "overlays")))
        foreach (var image in ChartManifest.Kustomization(overlay).Items("images"))
        {
            Assert.Null(image.Text("newTag"));
            Assert.Null(image.Text("digest"));
            Assert.EndsWith("/" + image.Text("name"), image.Text("newName"));
        }
    }

    /// <summary>A second region is a copy of the first overlay with only its own values changed: its code and its name.</summary>
    [Fact]
    public void Every_overlay_is_the_first_one_with_only_its_region_changed()
    {
        var overlays = Directory.GetDirectories(Path.Combine(ChartManifest.ChartsDir, "overlays")).Order().ToList();
        Assert.True(overlays.Count >= 2, "two region overlays at least");
        string Normalised(string overlay)
        {
            var code = Path.GetFileName(overlay);
            var name = Approval.Catalog.Import.RegionPackFile.Read(Path.Combine(RepoPaths.RegionPack(code), "catalog.json")).Region!.Name;
            return string.Concat(Directory.GetFiles(overlay).Order().Select(f => Path.GetFileName(f) + "\n" + File.ReadAllText(f)))
                .Replace(code, "<code>").Replace(name, "<name>");
        }
        var first = Normalised(overlays[0]);
        foreach (var overlay in overlays.Skip(1)) Assert.Equal(first, Normalised(overlay));
    }
}

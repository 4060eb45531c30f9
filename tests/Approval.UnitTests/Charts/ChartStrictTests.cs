using k8s.Models;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Approval.UnitTests.Charts;

/// <summary>
/// Every object of charts/ read strictly as its Kubernetes type (KubernetesClient's models): a misspelt or misplaced
/// field fails here instead of being dropped by a lenient apply. On the typed objects: every workload of the base is
/// probed, bounded and hardened, the namespace denies all traffic by default, and every overlay names every image.
/// (Rendering an overlay needs kubectl, which this project's scripts cannot install: docs/operations.md renders by hand.)
/// </summary>
public class ChartStrictTests
{
    public static TheoryData<string> ChartFiles() => new(StrictChartLoader.ChartFiles());

    [Theory]
    [MemberData(nameof(ChartFiles))]
    public void Every_chart_file_loads_strictly_as_typed_objects(string file)
    {
        var objects = StrictChartLoader.LoadFile(Path.Combine(ChartManifest.ChartsDir, file));
        Assert.NotEmpty(objects);
        foreach (var o in objects)
        {
            var meta = Assert.IsAssignableFrom<IMetadata<V1ObjectMeta>>(o).Metadata;
            Assert.False(string.IsNullOrEmpty(meta?.Name), $"{file}: an object without metadata.name");
            if (o is CustomResource custom)
            {
                Assert.True(StrictChartLoader.AllowedCustomKinds.ContainsKey($"{custom.ApiVersion}/{custom.Kind}"));
                // an operator's resource lives beside the operator's data, not in the region's namespace the overlay sets
                Assert.False(string.IsNullOrEmpty(meta!.NamespaceProperty), $"{file}: {custom.Kind} {meta.Name} names no namespace");
                Assert.NotNull(custom.Spec);
            }
        }
    }

    [Fact]
    public void The_chart_files_cover_the_base_the_overlays_own_files_and_the_optional_manifests()
    {
        var files = StrictChartLoader.ChartFiles().Select(f => f.Replace('\\', '/')).ToList();
        Assert.Contains("base/network-policies.yaml", files);
        Assert.Contains("overlays/320193/namespace.yaml", files);
        Assert.Contains("optional/otel-collector.yaml", files);
        Assert.DoesNotContain(files, f => f.EndsWith("kustomization.yaml"));
    }

    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: sample
        spec:
          replicas: 2
          selector:
            matchLabels: { app: sample }
          template:
            metadata:
              labels: { app: sample }
            spec:
              containers:
                - name: sample
                  image: sample:1
                  imagePullPolicy: IfNotPresent
        """;

    [Theory]
    [InlineData("  replicas: 2", "  replica: 2")]
    [InlineData("imagePullPolicy: IfNotPresent", "imagePullPolicyy: IfNotPresent")]
    // a right name at the wrong level: the pod's securityContext field on the container
    [InlineData("imagePullPolicy: IfNotPresent", "runAsNonRoot: true")]
    [InlineData("metadata:\n  name: sample", "metadata:\n  name: sample\n  name: twice")]
    public void The_strict_loader_rejects_a_misspelt_misplaced_or_repeated_field(string right, string wrong)
    {
        var deployment = Assert.IsType<V1Deployment>(Assert.Single(StrictChartLoader.Load(Deployment, "sample")));
        Assert.Equal(2, deployment.Spec.Replicas);
        var broken = Deployment.Replace(right, wrong);
        Assert.NotEqual(Deployment, broken);
        var error = Assert.ThrowsAny<YamlException>(() => StrictChartLoader.Load(broken, "sample"));
        Assert.NotEmpty(error.Message);
        // the library's lenient load takes the same text without a word: the strict option is what catches it
        Assert.IsType<V1Deployment>(Assert.Single(k8s.KubernetesYaml.LoadAllFromString(broken)));
    }

    [Fact]
    public void A_kind_neither_the_library_nor_the_allowed_list_knows_fails_the_load()
    {
        const string widget = "apiVersion: example.org/v1\nkind: Widget\nmetadata:\n  name: w\nspec: {}\n";
        var error = Assert.Throws<InvalidDataException>(() => StrictChartLoader.Load(widget, "sample"));
        Assert.Contains("example.org/v1/Widget", error.Message);
        // and an allowed custom kind is strict at its top level too
        const string misspelt = "apiVersion: postgresql.cnpg.io/v1\nkind: Cluster\nmetdata:\n  name: p\nspec: {}\n";
        Assert.ThrowsAny<YamlException>(() => StrictChartLoader.Load(misspelt, "sample"));
    }

    private static IEnumerable<T> Base<T>() => StrictChartLoader.BaseObjects().OfType<T>();

    /// <summary>The base's Deployments and Jobs, as (kind, name).</summary>
    public static TheoryData<string, string> Workloads()
    {
        var data = new TheoryData<string, string>();
        foreach (var d in Base<V1Deployment>()) data.Add("Deployment", d.Metadata.Name);
        foreach (var j in Base<V1Job>()) data.Add("Job", j.Metadata.Name);
        return data;
    }

    private static V1PodSpec PodOf(string kind, string name) => kind switch
    {
        "Deployment" => Base<V1Deployment>().Single(d => d.Metadata.Name == name).Spec.Template.Spec,
        "Job" => Base<V1Job>().Single(j => j.Metadata.Name == name).Spec.Template.Spec,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(Workloads))]
    public void Every_base_workload_runs_as_non_root_on_a_read_only_root(string kind, string name)
    {
        var pod = PodOf(kind, name);
        Assert.True(pod.SecurityContext?.RunAsNonRoot == true, $"{kind} {name}: the pod's securityContext.runAsNonRoot must be true");
        foreach (var c in pod.Containers.Concat(pod.InitContainers ?? []))
            Assert.True(c.SecurityContext?.ReadOnlyRootFilesystem == true, $"{kind} {name}: container {c.Name} needs readOnlyRootFilesystem: true");
        if (kind == "Job")
            Assert.True(Base<V1Job>().Single(j => j.Metadata.Name == name).Spec.BackoffLimit is not null, $"Job {name}: backoffLimit must be set");
    }

    public static TheoryData<string> DeploymentNames() => new(Base<V1Deployment>().Select(d => d.Metadata.Name));

    [Theory]
    [MemberData(nameof(DeploymentNames))]
    public void Every_base_deployment_is_probed_bounded_and_under_its_own_tokenless_account(string name)
    {
        var pod = PodOf("Deployment", name);
        Assert.NotEmpty(pod.Containers);
        foreach (var c in pod.Containers)
        {
            Assert.True(c.StartupProbe is not null, $"{name}/{c.Name}: no startupProbe");
            Assert.True(c.ReadinessProbe is not null, $"{name}/{c.Name}: no readinessProbe");
            Assert.True(c.LivenessProbe is not null, $"{name}/{c.Name}: no livenessProbe");
            foreach (var resource in new[] { "cpu", "memory" })
            {
                Assert.True(c.Resources?.Requests?.ContainsKey(resource) == true, $"{name}/{c.Name}: no {resource} request");
                Assert.True(c.Resources?.Limits?.ContainsKey(resource) == true, $"{name}/{c.Name}: no {resource} limit");
            }
        }
        Assert.False(string.IsNullOrEmpty(pod.ServiceAccountName), $"{name}: no serviceAccountName");
        var account = Base<V1ServiceAccount>().SingleOrDefault(a => a.Metadata.Name == pod.ServiceAccountName);
        Assert.True(account is not null, $"{name}: ServiceAccount '{pod.ServiceAccountName}' is not in the base");
        Assert.False(account.AutomountServiceAccountToken ?? true, $"ServiceAccount {account.Metadata.Name}: automountServiceAccountToken must be false");
    }

    [Fact]
    public void The_base_has_exactly_one_default_deny_network_policy()
    {
        var policies = Base<V1NetworkPolicy>().ToList();
        Assert.NotEmpty(policies);
        var deny = Assert.Single(policies, p =>
            (p.Spec.PodSelector.MatchLabels?.Count ?? 0) == 0 && (p.Spec.PodSelector.MatchExpressions?.Count ?? 0) == 0
            && p.Spec.PolicyTypes is { } types && types.Contains("Ingress") && types.Contains("Egress")
            && (p.Spec.Ingress?.Count ?? 0) == 0 && (p.Spec.Egress?.Count ?? 0) == 0);
        Assert.Equal("default-deny", deny.Metadata.Name);
    }

    [Fact]
    public void Every_overlay_names_every_image_a_base_workload_runs()
    {
        var pods = Base<V1Deployment>().Select(d => d.Spec.Template.Spec).Concat(Base<V1Job>().Select(j => j.Spec.Template.Spec));
        var images = pods.SelectMany(p => p.Containers.Concat(p.InitContainers ?? [])).Select(c => StrictChartLoader.ImageName(c.Image)).ToHashSet();
        Assert.NotEmpty(images);
        var overlays = Directory.GetDirectories(Path.Combine(ChartManifest.ChartsDir, "overlays")).Order().ToList();
        Assert.NotEmpty(overlays);
        foreach (var overlay in overlays)
        {
            var named = ChartManifest.Kustomization(overlay).Items("images").Select(i => i.Text("name")).ToHashSet();
            var missing = images.Where(i => !named.Contains(i)).Order().ToList();
            Assert.True(missing.Count == 0, $"{Path.GetFileName(overlay)}/kustomization.yaml images: lacks {string.Join(", ", missing)}");
        }
    }

    [Theory]
    [InlineData("approval/intake:latest", "approval/intake")]
    [InlineData("approval/intake@sha256:0123abcd", "approval/intake")]
    [InlineData("approval/intake:0.1.0@sha256:0123abcd", "approval/intake")]
    [InlineData("registry.region.example:5000/approval/intake", "registry.region.example:5000/approval/intake")]
    [InlineData("registry.region.example:5000/approval/intake:0.1.0", "registry.region.example:5000/approval/intake")]
    public void An_image_name_is_read_without_its_tag_and_digest(string image, string name) =>
        Assert.Equal(name, StrictChartLoader.ImageName(image));

    private static List<CustomResource> Optional(string file) =>
        StrictChartLoader.LoadFile(Path.Combine(ChartManifest.ChartsDir, "optional", file)).OfType<CustomResource>().ToList();

    private static IEnumerable<(string Region, Dictionary<string, string> Secrets)> OverlaySecretExamples() =>
        Directory.GetDirectories(Path.Combine(ChartManifest.ChartsDir, "overlays")).Order().Select(overlay => (
            Path.GetFileName(overlay),
            File.ReadAllLines(Path.Combine(overlay, "secrets.env.example"))
                .Where(l => l.Contains('=') && !l.TrimStart().StartsWith('#'))
                .Select(l => l.Split('=', 2)).ToDictionary(p => p[0].Trim(), p => p[1].Trim())));

    private static void AssertBounded(V1ResourceRequirements resources, string what)
    {
        foreach (var resource in new[] { "cpu", "memory" })
        {
            Assert.True(resources.Requests?.ContainsKey(resource) == true, $"{what}: no {resource} request");
            Assert.True(resources.Limits?.ContainsKey(resource) == true, $"{what}: no {resource} limit");
        }
    }

    /// <summary>
    /// charts/optional/postgres-cluster.yaml (CloudNativePG): three instances on the region's storage class, bounded,
    /// backed up daily to an object store, serving the host every overlay's <service>-db= lines name (never the DBA's login), with room
    /// in max_connections for every base pod that reads that secret at a pool of 15.
    /// </summary>
    [Fact]
    public void The_optional_postgres_cluster_serves_what_the_overlays_name_and_is_sized_for_the_base()
    {
        var objects = Optional("postgres-cluster.yaml");
        var cluster = Assert.Single(objects, o => o.Kind == "Cluster");
        Assert.Equal("approval-data", cluster.Metadata.NamespaceProperty);
        Assert.Equal("3", cluster.Text("instances"));
        Assert.False(string.IsNullOrEmpty(cluster.Text("storage", "storageClass")), "Cluster: no storage.storageClass");
        Assert.False(string.IsNullOrEmpty(cluster.Text("storage", "size")), "Cluster: no storage.size");
        AssertBounded(StrictChartLoader.Embedded<V1ResourceRequirements>(cluster.At("resources")), "Cluster");

        var pods = Base<V1Deployment>()
            .Where(d => d.Spec.Template.Spec.Containers.SelectMany(c => c.Env ?? []).Any(e => e.ValueFrom?.SecretKeyRef?.Key?.EndsWith("-db") == true))
            .Sum(d => d.Spec.Replicas ?? 1);
        var maxConnections = int.Parse(cluster.Text("postgresql", "parameters", "max_connections")!);
        Assert.True(maxConnections >= pods * 15, $"max_connections {maxConnections} < {pods} pods reading a database × a pool of 15");

        Assert.StartsWith("s3://", cluster.Text("backup", "barmanObjectStore", "destinationPath"));
        var backup = Assert.Single(objects, o => o.Kind == "ScheduledBackup");
        Assert.Equal(cluster.Metadata.NamespaceProperty, backup.Metadata.NamespaceProperty);
        Assert.Equal(cluster.Metadata.Name, backup.Text("cluster", "name"));
        // CNPG's schedule has six fields, seconds first: "0 0 2 * * *" is daily at 02:00
        var schedule = backup.Text("schedule")!.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(6, schedule.Length);
        Assert.Equal(["*", "*", "*"], schedule[3..]);

        var services = cluster.Items("managed", "services", "additional")
            .Select(a => (Selector: SpecTree.Text(a, "selectorType"), Service: StrictChartLoader.Embedded<V1Service>(SpecTree.At(a, "serviceTemplate"))))
            .ToList();
        var administrator = cluster.Text("bootstrap", "initdb", "owner");
        foreach (var (region, secrets) in OverlaySecretExamples())
        foreach (var (key, value) in secrets.Where(s => s.Key.EndsWith("-db", StringComparison.Ordinal)))
        {
            var connection = new Npgsql.NpgsqlConnectionStringBuilder(value);
            var host = connection.Host!.Split('.');
            Assert.Equal(cluster.Metadata.NamespaceProperty, host[1]);
            Assert.True(services.Any(s => s.Selector == "rw" && s.Service.Metadata.Name == host[0]),
                $"{region}: its {key} host {connection.Host} is not a service the Cluster keeps on its primary");
            // a service's credential is its own role, never the DBA's that may create databases and roles
            Assert.NotEqual(administrator, connection.Username);
        }
    }

    /// <summary>
    /// charts/optional/rabbitmq-cluster.yaml (RabbitMQ cluster and messaging topology operators): three nodes on the
    /// region's storage class, bounded, reached at the host every overlay's rabbitmq= secret names, the first region's
    /// vhost quorum by default with its user's permissions; every overlay's vhost is its region code.
    /// </summary>
    [Fact]
    public void The_optional_rabbitmq_cluster_serves_what_the_overlays_name()
    {
        var objects = Optional("rabbitmq-cluster.yaml");
        var cluster = Assert.Single(objects, o => o.Kind == "RabbitmqCluster");
        Assert.Equal("approval-data", cluster.Metadata.NamespaceProperty);
        Assert.Equal("3", cluster.Text("replicas"));
        Assert.False(string.IsNullOrEmpty(cluster.Text("persistence", "storageClassName")), "RabbitmqCluster: no persistence.storageClassName");
        AssertBounded(StrictChartLoader.Embedded<V1ResourceRequirements>(cluster.At("resources")), "RabbitmqCluster");
        Assert.All(objects, o => Assert.Equal(cluster.Metadata.NamespaceProperty, o.Metadata.NamespaceProperty));
        Assert.All(objects.Where(o => o != cluster), o => Assert.Equal(cluster.Metadata.Name, o.Text("rabbitmqClusterReference", "name")));

        foreach (var (region, secrets) in OverlaySecretExamples())
        {
            var uri = new Uri(secrets["rabbitmq"]);
            Assert.Equal($"{cluster.Metadata.Name}.{cluster.Metadata.NamespaceProperty}", uri.Host);
            // amqp://user:password@host:port/320193 is the vhost "320193"
            var vhost = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
            Assert.Equal(region, vhost);
            var user = Uri.UnescapeDataString(uri.UserInfo.Split(':')[0]);
            var account = Assert.Single(objects, o => o.Kind == "User" && o.Metadata.Name == user);
            Assert.NotNull(account.Text("importCredentialsSecret", "name"));
            if (region != "320193") continue; // the file declares the first region's vhost; another region copies it
            var declared = Assert.Single(objects, o => o.Kind == "Vhost" && o.Text("name") == vhost);
            Assert.Equal("quorum", declared.Text("defaultQueueType"));
            var permission = Assert.Single(objects, o => o.Kind == "Permission" && o.Text("vhost") == vhost);
            Assert.Equal(user, permission.Text("userReference", "name"));
            Assert.All(new[] { "configure", "write", "read" }, p => Assert.Equal(".*", permission.Text("permissions", p)));
        }
    }
}

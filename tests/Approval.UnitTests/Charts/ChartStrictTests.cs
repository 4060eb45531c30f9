using System.Diagnostics;
using k8s.Models;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Approval.UnitTests.Charts;

/// <summary>
/// Every object of charts/ read strictly as its Kubernetes type (KubernetesClient's models): a misspelt or misplaced
/// field fails here instead of being dropped by a lenient apply. On the typed objects: every workload of the base is
/// probed, bounded and hardened, the namespace denies all traffic by default, and every overlay names every image.
/// With kubectl on PATH, each overlay is also rendered as a region would render it and every rendered object loaded.
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

    /// <summary>
    /// Each overlay rendered as docs/operations.md says (kubectl kustomize with the region pack outside the folder), from a
    /// copy of charts/ and regions/ with the secrets made from their .example files, and every rendered object loaded
    /// strictly: what kustomize generates and patches (ConfigMaps, Secrets, the Ingress host) is checked too.
    /// </summary>
    [KubectlFact]
    public void Every_overlay_renders_with_kubectl_into_objects_that_load_strictly()
    {
        var root = RepoPaths.Root();
        var copy = Directory.CreateTempSubdirectory("approval-charts-");
        try
        {
            CopyDirectory(Path.Combine(root, "charts"), Path.Combine(copy.FullName, "charts"));
            CopyDirectory(Path.Combine(root, "regions"), Path.Combine(copy.FullName, "regions"));
            var overlays = Directory.GetDirectories(Path.Combine(copy.FullName, "charts", "overlays")).Order().ToList();
            Assert.NotEmpty(overlays);
            foreach (var overlay in overlays)
            {
                var region = Path.GetFileName(overlay);
                foreach (var example in Directory.GetFiles(overlay, "*.example"))
                    File.Copy(example, example[..^".example".Length], overwrite: true);
                File.WriteAllText(Path.Combine(overlay, "identity-signing-key.pem"), "-----BEGIN PRIVATE KEY-----\ndummy\n-----END PRIVATE KEY-----\n");

                var rendered = Kubectl(copy.FullName, "kustomize", "--load-restrictor", "LoadRestrictionsNone", $"charts/overlays/{region}");
                var objects = StrictChartLoader.Load(rendered, $"kubectl kustomize charts/overlays/{region}");
                Assert.True(objects.Count >= 80, $"{region}: rendered {objects.Count} objects, fewer than the suite's 80");

                var ns = $"approval-{region}";
                Assert.Equal(ns, Assert.Single(objects.OfType<V1Namespace>()).Metadata.Name);
                Assert.All(objects.Where(o => o is not V1Namespace).Cast<IMetadata<V1ObjectMeta>>(), o => Assert.Equal(ns, o.Metadata.NamespaceProperty));
                // every image rewritten by the overlay's images: list (none left under the base's bare approval/ name)
                var images = objects.OfType<V1Deployment>().SelectMany(d => d.Spec.Template.Spec.Containers).Select(c => c.Image).ToList();
                Assert.NotEmpty(images);
                Assert.DoesNotContain(images, i => i.StartsWith("approval/", StringComparison.Ordinal));
                Assert.Contains(objects.OfType<V1Secret>(), s => s.Metadata.Name.StartsWith("approval-secrets-", StringComparison.Ordinal));
            }
        }
        finally
        {
            copy.Delete(recursive: true);
        }
    }

    private static string Kubectl(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(KubectlFactAttribute.Path!) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"kubectl {string.Join(' ', args)} took over two minutes");
        }
        Assert.True(process.ExitCode == 0, $"kubectl {string.Join(' ', args)} exited {process.ExitCode}: {stderr.Result}");
        return stdout.Result;
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var dir in Directory.GetDirectories(from)) CopyDirectory(dir, Path.Combine(to, Path.GetFileName(dir)));
    }
}

/// <summary>A fact that runs where kubectl is on PATH and is reported skipped (not passed) where it is not.</summary>
public sealed class KubectlFactAttribute : FactAttribute
{
    public static readonly string? Path = (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .SelectMany(dir => new[] { System.IO.Path.Combine(dir, "kubectl"), System.IO.Path.Combine(dir, "kubectl.exe") })
        .FirstOrDefault(File.Exists);

    public KubectlFactAttribute()
    {
        if (Path is null) Skip = "kubectl is not on PATH: the overlays are not rendered here (the chart files are still loaded strictly)";
    }
}

using System.Reflection;
using k8s;
using k8s.Models;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;

namespace Approval.UnitTests.Charts;

/// <summary>
/// Loads chart YAML as the typed objects of the Kubernetes client library, strictly: a field the object's schema does
/// not have (a misspelling, a field at the wrong level) or a duplicate key throws, where kubectl's client-side apply
/// would often drop it silently. A kind the library does not know must be one of <see cref="AllowedCustomKinds"/>.
/// </summary>
internal static class StrictChartLoader
{
    /// <summary>
    /// The custom resources (operators' kinds) a chart file may hold, by "apiVersion/kind". The library has no schema
    /// for them: they load as <see cref="CustomResource"/>, strict at the top level (apiVersion, kind, typed metadata,
    /// spec) only. A kind neither here nor in the library fails the load.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, Type> AllowedCustomKinds = new Dictionary<string, Type>
    {
        // RabbitMQ cluster operator (charts/optional/rabbitmq-cluster.yaml)
        ["rabbitmq.com/v1beta1/RabbitmqCluster"] = typeof(CustomResource),
        // RabbitMQ messaging topology operator (charts/optional/rabbitmq-cluster.yaml)
        ["rabbitmq.com/v1beta1/Vhost"] = typeof(CustomResource),
        ["rabbitmq.com/v1beta1/User"] = typeof(CustomResource),
        ["rabbitmq.com/v1beta1/Permission"] = typeof(CustomResource),
        // CloudNativePG (charts/optional/postgres-cluster.yaml)
        ["postgresql.cnpg.io/v1/Cluster"] = typeof(CustomResource),
        ["postgresql.cnpg.io/v1/ScheduledBackup"] = typeof(CustomResource),
    };

    /// <summary>Every "apiVersion/kind" the library has a model type for, keyed as its loader keys them.</summary>
    public static readonly IReadOnlySet<string> LibraryKinds = typeof(V1Deployment).Assembly.GetTypes()
        .Select(t => t.GetCustomAttribute<KubernetesEntityAttribute>())
        .OfType<KubernetesEntityAttribute>()
        .Select(a => $"{(string.IsNullOrEmpty(a.Group) ? "" : a.Group + "/")}{a.ApiVersion}/{a.Kind}")
        .ToHashSet();

    /// <summary>Every document of <paramref name="yaml"/> as its typed object, strictly.</summary>
    /// <exception cref="InvalidDataException">a document's kind is neither the library's nor an allowed custom kind</exception>
    /// <exception cref="YamlDotNet.Core.YamlException">a field the kind does not have, a duplicate key, a wrong type</exception>
    public static List<object> Load(string yaml, string source)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        foreach (var root in stream.Documents.Select(d => d.RootNode))
        {
            if (root is not YamlMappingNode doc)
                throw new InvalidDataException($"{source}: a document that is not a mapping (an empty document between two '---'?)");
            var key = $"{doc.Text("apiVersion")}/{doc.Text("kind")}";
            if (!LibraryKinds.Contains(key) && !AllowedCustomKinds.ContainsKey(key))
                throw new InvalidDataException(
                    $"{source}: '{key}' ({doc.Text("metadata", "name")}) is neither a kind the Kubernetes client knows nor an allowed custom kind (StrictChartLoader.AllowedCustomKinds)");
        }
        try
        {
            return KubernetesYaml.LoadAllFromString(yaml, AllowedCustomKinds.ToDictionary(), strict: true);
        }
        catch (YamlException e)
        {
            // name the file and the line: the library's message names only the type and the field
            throw new YamlException(e.Start, e.End, $"{source} line {e.Start.Line}: {e.Message}", e);
        }
    }

    public static List<object> LoadFile(string path) =>
        Load(File.ReadAllText(path), Path.GetRelativePath(ChartManifest.ChartsDir, path));

    /// <summary>A block of a custom resource that has a core type (a <c>resources:</c>, a service template), loaded strictly as that type.</summary>
    public static T Embedded<T>(object? block) =>
        KubernetesYaml.Deserialize<T>(new SerializerBuilder().Build().Serialize(block ?? throw new ArgumentNullException(nameof(block))), strict: true);

    /// <summary>The chart files the strict load covers, relative to charts/: the base's resources, the overlays' own files, charts/optional/.</summary>
    public static IEnumerable<string> ChartFiles()
    {
        var charts = ChartManifest.ChartsDir;
        var baseDir = Path.Combine(charts, "base");
        foreach (var file in ResourceFiles(baseDir)) yield return Path.GetRelativePath(charts, file);
        foreach (var overlay in Directory.GetDirectories(Path.Combine(charts, "overlays")).Order())
        foreach (var file in ResourceFiles(overlay).Where(f => Path.GetDirectoryName(f) == overlay))
            yield return Path.GetRelativePath(charts, file);
        foreach (var file in Directory.GetFiles(Path.Combine(charts, "optional")).Where(f => f.EndsWith(".yaml") || f.EndsWith(".yml")).Order())
            yield return Path.GetRelativePath(charts, file);
    }

    /// <summary>The files (not folders: another kustomization) a kustomization.yaml lists under resources.</summary>
    public static IEnumerable<string> ResourceFiles(string dir) =>
        ChartManifest.Kustomization(dir).Items("resources")
            .Select(r => Path.GetFullPath(Path.Combine(dir, ((YamlScalarNode)r).Value!)))
            .Where(File.Exists);

    /// <summary>Every object of the base's resource files, typed.</summary>
    public static IReadOnlyList<object> BaseObjects() => BaseCache.Value;

    private static readonly Lazy<IReadOnlyList<object>> BaseCache =
        new(() => ResourceFiles(Path.Combine(ChartManifest.ChartsDir, "base")).SelectMany(LoadFile).ToList());

    /// <summary>An image reference without its tag and digest: what a kustomization's images[].name matches.</summary>
    public static string ImageName(string image)
    {
        var name = image.Split('@')[0];
        var colon = name.LastIndexOf(':');
        return colon > name.LastIndexOf('/') ? name[..colon] : name;
    }
}

/// <summary>
/// An operator's custom resource as the strict loader reads it: apiVersion, kind and metadata typed, the spec a tree
/// (the library has no schema for it). Any other top-level field (a misspelt <c>metdata:</c>, a <c>status:</c>) throws.
/// </summary>
public sealed class CustomResource : IKubernetesObject<V1ObjectMeta>
{
    public string ApiVersion { get; set; } = "";
    public string Kind { get; set; } = "";
    public V1ObjectMeta Metadata { get; set; } = new();
    public Dictionary<string, object?>? Spec { get; set; }

    /// <summary>The spec's value at a path of keys (null if absent).</summary>
    public object? At(params string[] path) => SpecTree.At(Spec, path);

    public string? Text(params string[] path) => SpecTree.Text(Spec, path);

    public IEnumerable<object?> Items(params string[] path) => SpecTree.Items(Spec, path);
}

/// <summary>Reading the tree YamlDotNet makes of an untyped block (mappings, lists, scalars).</summary>
public static class SpecTree
{
    public static object? At(object? node, params string[] path)
    {
        foreach (var key in path)
        {
            node = node switch
            {
                IDictionary<string, object?> map => map.TryGetValue(key, out var next) ? next : null,
                IDictionary<object, object?> map => map.TryGetValue(key, out var next) ? next : null,
                _ => null,
            };
            if (node is null) return null;
        }
        return node;
    }

    /// <summary>A scalar as text (booleans as YAML writes them), null if absent or not a scalar.</summary>
    public static string? Text(object? node, params string[] path) => At(node, path) switch
    {
        null or IDictionary<object, object?> or IDictionary<string, object?> or IList<object?> => null,
        bool b => b ? "true" : "false",
        var value => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
    };

    public static IEnumerable<object?> Items(object? node, params string[] path) => At(node, path) as IList<object?> ?? [];
}

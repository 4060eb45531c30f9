using YamlDotNet.RepresentationModel;

namespace Approval.UnitTests.Charts;

/// <summary>The YAML documents of charts/ read as plain trees, with the few lookups the chart tests need.</summary>
internal static class ChartManifest
{
    public static string ChartsDir => Path.Combine(RepoPaths.Root(), "charts");

    public static IReadOnlyList<YamlMappingNode> Documents(string file)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(file)) stream.Load(reader);
        return stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>().ToList();
    }

    public static YamlMappingNode Kustomization(string dir) => Documents(Path.Combine(dir, "kustomization.yaml")).Single();

    public static YamlNode? At(this YamlNode node, params string[] path)
    {
        foreach (var key in path)
        {
            if (node is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out var next)) return null;
            node = next;
        }
        return node;
    }

    public static string? Text(this YamlNode node, params string[] path) => (node.At(path) as YamlScalarNode)?.Value;

    public static IEnumerable<YamlNode> Items(this YamlNode node, params string[] path) =>
        node.At(path) is YamlSequenceNode seq ? seq.Children : [];

    /// <summary>Every (kind, name, document) the base's resource files declare.</summary>
    public static IEnumerable<(string Kind, string Name, YamlMappingNode Doc)> BaseResources()
    {
        var dir = Path.Combine(ChartsDir, "base");
        foreach (var file in Kustomization(dir).Items("resources").Select(r => ((YamlScalarNode)r).Value!))
        foreach (var doc in Documents(Path.Combine(dir, file)))
            yield return (doc.Text("kind")!, doc.Text("metadata", "name")!, doc);
    }
}

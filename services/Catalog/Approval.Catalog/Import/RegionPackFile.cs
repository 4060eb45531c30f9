using System.Text.Json;
using Approval.Catalog.Domain;

namespace Approval.Catalog.Import;

/// <summary>Reads a region pack file; a JSON error names the file and the path.</summary>
public static class RegionPackFile
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static RegionPack Read(string file)
    {
        if (!File.Exists(file)) throw new FileNotFoundException($"Region pack file not found: {file}", file);
        try
        {
            return JsonSerializer.Deserialize<RegionPack>(File.ReadAllText(file), Json)
                ?? throw new InvalidDataException($"{file}: empty region pack");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{file}: {e.Path}: not valid JSON for a region pack ({e.Message})", e);
        }
    }

    /// <summary>Whether a stored published definition and a pack's item say the same (the publication date aside).</summary>
    public static bool SameContent(ItemDefinition stored, ItemDefinition pack) =>
        JsonSerializer.Serialize(stored with { EffectiveFrom = null }, Json) == JsonSerializer.Serialize(pack with { EffectiveFrom = null }, Json);
}

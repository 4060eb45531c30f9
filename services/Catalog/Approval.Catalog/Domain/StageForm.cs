using System.Text.Json.Nodes;

namespace Approval.Catalog.Domain;

/// <summary>
/// 一张表单: the JSON Schema of one stage's form for a set of items — the de-duplicated union of the fields they
/// declare (a field shared by items is asked once; it is required when any item requires it). Each property names
/// the items that need it ("x-items") and, when known already, where it is prefilled from ("x-prefill").
/// </summary>
public static class StageForm
{
    public static JsonObject Schema(int stageNo, string stageName, IEnumerable<ItemDefinition> items)
    {
        var properties = new JsonObject();
        var required = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var item in items.OrderBy(i => i.Code, StringComparer.Ordinal))
        {
            foreach (var field in item.Fields ?? [])
            {
                if (properties[field.Key] is not JsonObject property)
                {
                    property = Property(field);
                    properties[field.Key] = property;
                }
                ((JsonArray)property["x-items"]!).Add(item.Code);
                if (field.Required) required.Add(field.Key);
            }
        }
        return new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["title"] = $"{stageName} 一张表单",
            ["type"] = "object",
            ["x-stage"] = stageNo,
            ["properties"] = properties,
            ["required"] = new JsonArray(required.Select(r => (JsonNode)r).ToArray()),
            ["additionalProperties"] = false,
        };
    }

    private static JsonObject Property(FormField field)
    {
        var property = new JsonObject { ["title"] = field.Label };
        if (field.Type == "date")
        {
            property["type"] = "string";
            property["format"] = "date";
        }
        else property["type"] = field.Type;
        if (field.MaxLength is { } max) property["maxLength"] = max;
        if (field.Minimum is { } min) property["minimum"] = min;
        if (field.Maximum is { } high) property["maximum"] = high;
        if (field.Enum is { Count: > 0 } values) property["enum"] = new JsonArray(values.Select(v => (JsonNode)v).ToArray());
        if (field.Prefill is { } prefill) property["x-prefill"] = prefill;
        property["x-items"] = new JsonArray();
        return property;
    }
}

using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Approval.Portal.Components.Shared;

/// <summary>One field of a stage form's JSON Schema: the subset the catalog uses (type, format date, enum, required, pattern, bounds, lengths).</summary>
public sealed record FormField(
    string Key, string Title, string Type, string? Format, IReadOnlyList<string> Enum, bool Required,
    string? Pattern, decimal? Minimum, decimal? Maximum, int? MinLength, int? MaxLength, string? Prefill)
{
    public bool IsDate => Type == "string" && Format == "date";
    public bool IsNumeric => Type is "number" or "integer";
}

/// <summary>
/// Reads a JSON Schema (draft 2020-12, object of simple properties) into fields, checks text values against it the
/// way Intake will (so most mistakes show before submitting), and turns the text values into the typed JSON object.
/// </summary>
public static class FormSchema
{
    public static IReadOnlyList<FormField> Fields(JsonObject schema)
    {
        var required = (schema["required"] as JsonArray)?.Select(r => r?.GetValue<string>()).ToHashSet() ?? [];
        if (schema["properties"] is not JsonObject properties) return [];
        return properties.Select(p =>
        {
            var s = p.Value as JsonObject ?? [];
            return new FormField(
                p.Key, Text(s, "title") ?? p.Key, Text(s, "type") ?? "string", Text(s, "format"),
                (s["enum"] as JsonArray)?.Select(e => e?.ToString() ?? "").ToList() ?? [],
                required.Contains(p.Key), Text(s, "pattern"), Number(s, "minimum"), Number(s, "maximum"),
                (int?)Number(s, "minLength"), (int?)Number(s, "maxLength"), Text(s, "x-prefill"));
        }).ToList();
    }

    /// <summary>Problems with the entered text, by field key (Chinese messages). Empty when the form may be submitted.</summary>
    public static Dictionary<string, string> Validate(IEnumerable<FormField> fields, IReadOnlyDictionary<string, string?> values)
    {
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var f in fields)
        {
            var text = values.GetValueOrDefault(f.Key)?.Trim();
            if (string.IsNullOrEmpty(text) || (f.Type == "boolean" && text == "false" && f.Required))
            {
                if (f.Required) problems[f.Key] = $"请填写{f.Title}";
                continue;
            }
            if (Problem(f, text) is { } problem) problems[f.Key] = problem;
        }
        return problems;
    }

    private static string? Problem(FormField f, string text)
    {
        if (f.Enum.Count > 0 && !f.Enum.Contains(text)) return $"{f.Title}须从列表中选择";
        if (f.IsDate && !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            return $"{f.Title}须为日期（年-月-日）";
        if (f.IsNumeric)
        {
            if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number)) return $"{f.Title}须为数字";
            if (f.Type == "integer" && number != decimal.Truncate(number)) return $"{f.Title}须为整数";
            if (f.Minimum is { } min && number < min) return $"{f.Title}不能小于{min}";
            if (f.Maximum is { } max && number > max) return $"{f.Title}不能大于{max}";
        }
        if (f.Type == "string")
        {
            if (f.MaxLength is { } maxLength && text.Length > maxLength) return $"{f.Title}最多{maxLength}个字";
            if (f.MinLength is { } minLength && text.Length < minLength) return $"{f.Title}至少{minLength}个字";
            if (f.Pattern is { } pattern && !Regex.IsMatch(text, pattern)) return $"{f.Title}格式不正确";
        }
        return null;
    }

    /// <summary>The form as JSON: numbers as numbers, booleans as booleans, empty fields left out.</summary>
    public static JsonObject ToJson(IEnumerable<FormField> fields, IReadOnlyDictionary<string, string?> values)
    {
        var form = new JsonObject();
        foreach (var f in fields)
        {
            var text = values.GetValueOrDefault(f.Key)?.Trim();
            if (string.IsNullOrEmpty(text)) continue;
            form[f.Key] = f.Type switch
            {
                "number" when decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
                "integer" when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) => JsonValue.Create(l),
                "boolean" => JsonValue.Create(text == "true"),
                _ => JsonValue.Create(text),
            };
        }
        return form;
    }

    private static string? Text(JsonObject o, string name) => o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static decimal? Number(JsonObject o, string name) => o[name] is JsonValue v && v.TryGetValue<decimal>(out var d) ? d : null;
}

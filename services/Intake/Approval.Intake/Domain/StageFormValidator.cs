using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Approval.Intake.Domain;

/// <summary>
/// Validates a submitted stage form against the JSON Schema the Catalog serves for it (一张表单). It implements the
/// subset the Catalog generates: an object with properties, required and additionalProperties:false; per property
/// type (string, number, integer, boolean), format date, minLength, maxLength, minimum, maximum, enum and pattern.
/// Other keywords are ignored. Every failing field is reported, in English and Chinese.
/// </summary>
public static class StageFormValidator
{
    public static IReadOnlyList<(string Field, string Message)> Validate(JsonObject schema, JsonObject form)
    {
        var errors = new List<(string, string)>();
        var properties = schema["properties"] as JsonObject ?? [];
        foreach (var name in (schema["required"] as JsonArray ?? []).Select(r => r!.GetValue<string>()))
        {
            if (form[name] is null) errors.Add((name, $"is required / {Title(properties, name)}必填"));
        }
        var closed = schema["additionalProperties"] is JsonValue v && v.GetValueKind() == JsonValueKind.False;
        foreach (var (name, value) in form)
        {
            if (properties[name] is JsonObject property)
            {
                if (value is not null) errors.AddRange(Check(property, value).Select(m => (name, m)));
            }
            else if (closed) errors.Add((name, "is not a field of this stage's form / 该字段不属于本阶段表单"));
        }
        return errors;
    }

    private static IEnumerable<string> Check(JsonObject property, JsonNode value)
    {
        var type = property["type"]?.GetValue<string>();
        var kind = value.GetValueKind();
        var typeOk = type switch
        {
            "string" => kind == JsonValueKind.String,
            "number" => kind == JsonValueKind.Number,
            "integer" => kind == JsonValueKind.Number && decimal.TryParse(value.ToJsonString(), CultureInfo.InvariantCulture, out var d) && d == decimal.Truncate(d),
            "boolean" => kind is JsonValueKind.True or JsonValueKind.False,
            _ => true,
        };
        if (!typeOk)
        {
            yield return $"must be of type {type} / 类型应为{ChineseType(type)}";
            yield break;
        }
        if (kind == JsonValueKind.String)
        {
            var text = value.GetValue<string>();
            if (property["format"]?.GetValue<string>() == "date" && !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                yield return "must be a date yyyy-MM-dd / 日期格式应为yyyy-MM-dd";
            if (property["maxLength"] is JsonValue max && text.Length > max.GetValue<int>())
                yield return $"must be at most {max} characters / 最多{max}个字符";
            if (property["minLength"] is JsonValue min && text.Length < min.GetValue<int>())
                yield return $"must be at least {min} characters / 至少{min}个字符";
            if (property["pattern"] is JsonValue pattern && !System.Text.RegularExpressions.Regex.IsMatch(text, pattern.GetValue<string>()))
                yield return $"must match {pattern} / 格式不符合要求";
        }
        if (kind == JsonValueKind.Number)
        {
            var number = value.GetValue<decimal>();
            if (property["minimum"] is JsonValue low && number < low.GetValue<decimal>()) yield return $"must be at least {low} / 不能小于{low}";
            if (property["maximum"] is JsonValue high && number > high.GetValue<decimal>()) yield return $"must be at most {high} / 不能大于{high}";
        }
        if (property["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, value)))
            yield return $"must be one of {string.Join(", ", allowed.Select(a => a!.ToJsonString()))} / 应为可选值之一";
    }

    private static string Title(JsonObject properties, string name) => properties[name]?["title"]?.GetValue<string>() ?? name;

    private static string ChineseType(string? type) => type switch
    {
        "string" => "文本", "number" => "数字", "integer" => "整数", "boolean" => "是/否", _ => type ?? "",
    };
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Pointer;
using Json.Schema;

namespace Approval.Intake.Domain;

/// <summary>
/// Validates a submitted stage form against the JSON Schema the Catalog serves for it (一张表单), with JsonSchema.Net over
/// the dialect the schema declares (draft 2020-12: every keyword, $ref, nested objects and arrays; format asserted).
/// Every failure is reported per field — its path in the form ("建设规模", "地址.邮编") — in English and Chinese. A
/// top-level null counts as not given (as before: an emptied field). Patterns are first tried under a time limit
/// (<see cref="FormPatternGuard"/>): the library's regular expressions have none, so a catastrophic pattern answers
/// a field error instead of holding the request.
/// </summary>
public static class StageFormValidator
{
    private static readonly Uri BaseUri = new("urn:approval:stage-form");
    private static readonly EvaluationOptions Evaluation = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    public static IReadOnlyList<(string Field, string Message)> Validate(JsonObject schema, JsonObject form, TimeSpan? patternTimeout = null)
    {
        var given = new JsonObject(form.Where(p => p.Value is not null).Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value!.DeepClone())));
        var slow = FormPatternGuard.Check(schema, given, patternTimeout ?? FormPatternGuard.DefaultTimeout);
        if (slow.Count > 0) return slow;
        var built = JsonSchema.FromText(schema.ToJsonString(), new BuildOptions { SchemaRegistry = new() }, BaseUri);
        var results = built.Evaluate(JsonSerializer.SerializeToElement(given), Evaluation);
        if (results.IsValid) return [];
        var errors = new List<(string, string)>();
        foreach (var detail in results.Details ?? [])
        {
            if (detail.Errors is not { Count: > 0 } failed) continue;
            foreach (var (keyword, english) in failed)
                errors.AddRange(Describe(keyword, english, Subschema(schema, detail.SchemaLocation, keyword), detail, given));
        }
        return errors;
    }

    private static IEnumerable<(string, string)> Describe(string keyword, string english, JsonObject? subschema, EvaluationResults detail, JsonObject form)
    {
        var field = Field(detail.InstanceLocation);
        var value = subschema?[keyword];
        if (keyword == "required" && value is JsonArray required)
        {
            var instance = detail.InstanceLocation.Evaluate(JsonSerializer.SerializeToElement(form)) is { ValueKind: JsonValueKind.Object } e ? e : default;
            var properties = subschema!["properties"] as JsonObject;
            foreach (var name in required.Select(r => r!.GetValue<string>()).Where(n => instance.ValueKind != JsonValueKind.Object || !instance.TryGetProperty(n, out _)))
                yield return (Join(field, name), $"is required / {properties?[name]?["title"]?.GetValue<string>() ?? name}必填");
            yield break;
        }
        yield return (field, keyword switch
        {
            "" when detail.EvaluationPath.ToString().EndsWith("Properties") => "is not a field of this stage's form / 该字段不属于本阶段表单",
            "type" => $"must be of type {Types(value, " or ")} / 类型应为{Types(value, "或", ChineseType)}",
            "format" when value?.GetValue<string>() == "date" => "must be a date yyyy-MM-dd / 日期格式应为yyyy-MM-dd",
            "format" => $"must be a valid {value} / 格式应为{value}",
            "maxLength" => $"must be at most {value} characters / 最多{value}个字符",
            "minLength" => $"must be at least {value} characters / 至少{value}个字符",
            "pattern" => $"must match {value} / 格式不符合要求",
            "minimum" => $"must be at least {value} / 不能小于{value}",
            "maximum" => $"must be at most {value} / 不能大于{value}",
            "exclusiveMinimum" => $"must be greater than {value} / 应大于{value}",
            "exclusiveMaximum" => $"must be less than {value} / 应小于{value}",
            "multipleOf" => $"must be a multiple of {value} / 应为{value}的倍数",
            "enum" => $"must be one of {string.Join(", ", ((JsonArray)value!).Select(a => a?.ToJsonString()))} / 应为可选值之一",
            "const" => $"must be {value?.ToJsonString()} / 应为{value?.ToJsonString()}",
            "minItems" => $"must have at least {value} entries / 至少{value}项",
            "maxItems" => $"must have at most {value} entries / 最多{value}项",
            "uniqueItems" => "must not repeat an entry / 各项不能重复",
            _ => $"{english} / 不符合表单规则（{(keyword.Length > 0 ? keyword : "false")}）",
        });
    }

    /// <summary>
    /// The schema object holding the failed keyword: its location's fragment is a JSON Pointer into the schema. JsonSchema.Net
    /// 8 gives an array entry's location one segment too many ("…/items/楼栋"), so the pointer is shortened until the
    /// object it names holds the keyword.
    /// </summary>
    private static JsonObject? Subschema(JsonObject schema, Uri location, string keyword)
    {
        if (!JsonPointer.TryParse(Uri.UnescapeDataString(location.Fragment.TrimStart('#')), out var pointer)) return null;
        for (var up = 0; up <= pointer.SegmentCount; up++)
        {
            if ((up == 0 ? pointer : pointer.GetParent(up)) is { } shorter && shorter.TryEvaluate(schema, out var node)
                && node is JsonObject o && (keyword.Length == 0 || o.ContainsKey(keyword))) return o;
        }
        return null;
    }

    /// <summary>"/地址/邮编" → "地址.邮编"; an array entry by its index ("楼栋.0").</summary>
    private static string Field(JsonPointer location) => string.Join('.', Enumerable.Range(0, location.SegmentCount).Select(i => location[i].ToString()));

    private static string Join(string parent, string name) => parent.Length == 0 ? name : $"{parent}.{name}";

    private static string Types(JsonNode? type, string separator, Func<string, string>? name = null) => type switch
    {
        JsonArray many => string.Join(separator, many.Select(t => (name ?? (s => s))(t!.GetValue<string>()))),
        _ => (name ?? (s => s))(type?.GetValue<string>() ?? ""),
    };

    private static string ChineseType(string type) => type switch
    {
        "string" => "文本", "number" => "数字", "integer" => "整数", "boolean" => "是/否", "object" => "对象", "array" => "列表", "null" => "空值", _ => type,
    };
}

using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Approval.Intake.Domain;

/// <summary>
/// JsonSchema.Net builds its <c>pattern</c> and <c>patternProperties</c> expressions without a match timeout (nor does it
/// honour REGEX_DEFAULT_MATCH_TIMEOUT), so a catastrophic pattern in a catalog's form ("^(a+)+$" against "aaaa…!") would
/// hold the request for minutes. Before the evaluation every pattern of the schema is tried on every text of the form
/// (values and field names) with a time limit; a pattern that runs out of time on a text answers a field error on that
/// text and the form is not evaluated. A pattern that finishes on every text finishes in the evaluation too.
/// </summary>
public static class FormPatternGuard
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMilliseconds(200);

    public static IReadOnlyList<(string Field, string Message)> Check(JsonObject schema, JsonObject form, TimeSpan timeout)
    {
        var patterns = Patterns(schema).Distinct().ToList();
        if (patterns.Count == 0) return [];
        var texts = Texts(form, "").ToList();
        var errors = new List<(string, string)>();
        foreach (var pattern in patterns)
        {
            Regex regex;
            try { regex = new Regex(pattern, RegexOptions.None, timeout); }
            catch (ArgumentException)
            {
                // a broken pattern in the catalog's form: the applicant cannot fix it, but must not get a 500 either
                errors.Add(("schema", $"the form's rule {pattern} is not a valid pattern / 表单规则有误，请联系管理部门"));
                continue;
            }
            foreach (var (field, text) in texts)
            {
                try { regex.IsMatch(text); }
                catch (RegexMatchTimeoutException)
                {
                    errors.Add((field, $"could not be checked against {pattern} in time / 格式校验超时，请联系管理部门检查表单规则"));
                    break;
                }
            }
        }
        return errors;
    }

    /// <summary>Every "pattern" (a string) and every "patternProperties" key anywhere in the schema.</summary>
    private static IEnumerable<string> Patterns(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p switch
        {
            { Key: "pattern", Value: JsonValue v } when v.GetValueKind() == JsonValueKind.String => [v.GetValue<string>()],
            { Key: "patternProperties", Value: JsonObject keyed } => keyed.Select(k => k.Key).Concat(keyed.SelectMany(k => Patterns(k.Value))),
            _ => Patterns(p.Value),
        }),
        JsonArray a => a.SelectMany(Patterns),
        _ => [],
    };

    /// <summary>Every string value and every property name of the form, with its field path ("地址.邮编").</summary>
    private static IEnumerable<(string Field, string Text)> Texts(JsonNode? node, string path) => node switch
    {
        JsonObject o => o.SelectMany(p => Texts(p.Value, Join(path, p.Key)).Prepend((Join(path, p.Key), p.Key))),
        JsonArray a => a.SelectMany((item, i) => Texts(item, Join(path, i.ToString()))),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => [(path, v.GetValue<string>())],
        _ => [],
    };

    private static string Join(string parent, string name) => parent.Length == 0 ? name : $"{parent}.{name}";
}

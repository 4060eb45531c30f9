using System.Text.Json.Nodes;

namespace Approval.Intake.Domain;

/// <summary>
/// Data entered once is not asked for again: a form field the schema marks "x-prefill" with a source Intake
/// knows (the application's project code and name) is filled in when the applicant left it out.
/// </summary>
public static class StageFormPrefill
{
    public static JsonObject Apply(JsonObject schema, JsonObject form, IReadOnlyDictionary<string, string> known)
    {
        var filled = (JsonObject)form.DeepClone();
        foreach (var (name, property) in schema["properties"] as JsonObject ?? [])
        {
            if (filled[name] is null && property?["x-prefill"]?.GetValue<string>() is { } source && known.TryGetValue(source, out var value))
                filled[name] = value;
        }
        return filled;
    }
}

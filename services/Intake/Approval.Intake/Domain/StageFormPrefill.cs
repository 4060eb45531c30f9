using System.Text.Json.Nodes;

namespace Approval.Intake.Domain;

/// <summary>
/// Data entered once is not asked for again: a form field the schema marks "x-prefill" with a source Intake
/// knows is filled in when the applicant left it out. Sources: "project.*" (the project's data, keyed by that name)
/// "stage:N" (the same field of the project's stage-N form, keyed "stage:N/&lt;field&gt;") and "licence:TYPE/&lt;content field&gt;"
/// (a licence of the project's, keyed as named).
/// </summary>
public static class StageFormPrefill
{
    public static JsonObject Apply(JsonObject schema, JsonObject form, IReadOnlyDictionary<string, string> known)
    {
        var filled = (JsonObject)form.DeepClone();
        foreach (var (name, property) in schema["properties"] as JsonObject ?? [])
        {
            if (filled[name] is not null || property?["x-prefill"]?.GetValue<string>() is not { } source) continue;
            var key = source.StartsWith("stage:", StringComparison.Ordinal) ? $"{source}/{name}" : source;
            if (known.TryGetValue(key, out var value)) filled[name] = value;
        }
        return filled;
    }
}

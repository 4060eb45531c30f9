using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Approval.Contracts.Licences;

namespace Approval.Intake.Domain;

/// <summary>
/// 照面信息 filled once from what the application holds at 受理: each field takes the first of its sources that has a
/// value — the stage form, the project's name or code, the applicant, the item's department. "decision" is left for the
/// department, which reviews and completes every value before it concludes.
/// </summary>
public static class LicenceContentValues
{
    public static IReadOnlyList<LicenceField>? Of(Application a, ApplicationItem item, JsonObject form)
    {
        if (item.LicenceFields is null) return null;
        var declared = JsonSerializer.Deserialize<List<LicenceField>>(item.LicenceFields) ?? [];
        return declared.Select(f => f with { Value = LicenceFieldRules.Sources(f.Source).Select(s => ValueOf(s, a, item, form)).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) })
            .ToList();
    }

    private static string? ValueOf(string source, Application a, ApplicationItem item, JsonObject form) =>
        LicenceFieldRules.FormKey(source) is { } key ? Text(form[key])
        : source switch
        {
            "project.name" => a.ProjectName,
            "project.code" => a.ProjectCode,
            "applicant" => a.ApplicantName,
            "department" => item.DepartmentName,
            _ => null,
        };

    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>().Trim(),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.GetValue<decimal>().ToString(CultureInfo.InvariantCulture),
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>() ? "是" : "否",
        _ => node.ToJsonString(),
    };
}

namespace Approval.Catalog.Domain;

/// <summary>
/// A field an item needs on the stage form (一张表单). Key is what the form carries (e.g. "建设规模"); Type is one of
/// string, number, integer, boolean, date. Prefill names where the value is already known ("project.name",
/// "project.code", or "stage:N" for an earlier stage), so the applicant is not asked again.
/// </summary>
public sealed record FormField(
    string Key,
    string Label,
    string Type = "string",
    bool Required = false,
    int? MaxLength = null,
    decimal? Minimum = null,
    decimal? Maximum = null,
    IReadOnlyList<string>? Enum = null,
    string? Prefill = null)
{
    public static readonly string[] Types = ["string", "number", "integer", "boolean", "date"];
}

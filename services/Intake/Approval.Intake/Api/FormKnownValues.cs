using System.Text.Json.Nodes;
using Approval.Intake.Data;

namespace Approval.Intake.Api;

/// <summary>
/// What is already known for a stage form (R-6.6, data entered once): the project's data under the catalog's
/// "project.*" prefill names, and, for fields marked "stage:N", what the applicant entered in the same project's
/// latest stage-N application (under "stage:N/&lt;field&gt;"; text values only); for fields marked "licence:TYPE/&lt;content
/// field&gt;", the 照面信息 of the newest licence of that type in force on the applicant's applications of the project (R-4.6),
/// and "licence:TYPE/identifier" its identifier.
/// </summary>
public sealed class FormKnownValues(IntakeDbContext db)
{
    public async Task<Dictionary<string, string>> ForAsync(
        string projectCode, string projectName, IReadOnlyDictionary<string, string>? projectFields, string applicantId, Guid? excluding, CancellationToken ct)
    {
        var known = new Dictionary<string, string>(projectFields ?? new Dictionary<string, string>())
        {
            ["project.code"] = projectCode,
            ["project.name"] = projectName,
        };
        // the latest of each stage and the newest licence of each type, chosen by PostgreSQL: a project with many
        // applications (a busy applicant, the bench's one project) must not send every form and certificate to be dropped here
        var latest = await db.Applications.AsNoTracking()
            .Where(a => a.ProjectCode == projectCode && a.ApplicantId == applicantId && a.Id != excluding)
            .GroupBy(a => a.StageNo)
            .Select(stage => stage.OrderByDescending(a => a.ReceivedAt).Select(a => new { a.StageNo, a.FormData }).First())
            .ToListAsync(ct);
        foreach (var stage in latest)
        {
            if (JsonNode.Parse(stage.FormData) is not JsonObject form) continue;
            foreach (var (field, value) in form)
                if (value is JsonValue text && text.TryGetValue<string>(out var s) && s.Length > 0)
                    known[$"stage:{stage.StageNo}/{field}"] = s;
        }
        var licences = await db.Licences.AsNoTracking()
            .Where(l => l.TypeCode != null && l.RevokedAt == null && l.ExpiredAt == null
                && db.Applications.Any(a => a.Id == l.ApplicationId && a.ProjectCode == projectCode && a.ApplicantId == applicantId))
            .GroupBy(l => l.TypeCode)
            .Select(type => type.OrderByDescending(l => l.IssuedAt).First())
            .ToListAsync(ct);
        foreach (var licence in licences)
        {
            known[$"licence:{licence.TypeCode}/identifier"] = licence.Identifier;
            foreach (var field in licence.Content.Where(f => !string.IsNullOrWhiteSpace(f.Value)))
                known[$"licence:{licence.TypeCode}/{field.Name}"] = field.Value!;
        }
        return known;
    }
}

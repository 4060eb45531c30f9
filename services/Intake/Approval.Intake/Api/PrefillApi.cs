using System.Text.Json.Nodes;
using Approval.Intake.Clients;
using Approval.Intake.Domain;

namespace Approval.Intake.Api;

/// <summary>
/// What a stage form will hold before the applicant types anything: the portal shows these values so data
/// entered once (the project's, and earlier stages') is seen, and can be changed, instead of asked for again.
/// </summary>
public static class PrefillApi
{
    public static void Map(WebApplication app) =>
        app.MapGet("/api/intake/prefill", Prefill).RequireAuthorization(Roles.Applicant)
            .WithSummary("The stage form prefilled from the project (engineering code) and its earlier stages / 表单预填");

    private static async Task<JsonObject> Prefill(
        string? engineeringCode, int? stageNo, string? items, ClaimsPrincipal user, ApplicationSubmission submission,
        FormKnownValues knownValues, CatalogClient catalog, CancellationToken ct)
    {
        new FieldErrors()
            .Require(!string.IsNullOrWhiteSpace(engineeringCode), "engineeringCode", "is required", "工程代码必填")
            .Require(stageNo is not null, "stageNo", "is required", "审批阶段必填")
            .ThrowIfAny();
        var project = (await submission.ProjectOfAsync(engineeringCode, ct))!;
        var itemCodes = items is { Length: > 0 }
            ? items.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : ((await catalog.GetStageAsync(stageNo!.Value, null, ct))?.Items.Select(i => i.Code)
               ?? throw ValidationException.For("stageNo", $"stage {stageNo} is not in the catalog", $"目录中没有第{stageNo}阶段"));
        var schema = await catalog.GetStageFormAsync(stageNo!.Value, itemCodes, ct);
        var known = await knownValues.ForAsync(project.ProjectCode, project.ProjectName, project.Fields, user.UserId(), null, ct);
        return StageFormPrefill.Apply(schema, [], known);
    }
}

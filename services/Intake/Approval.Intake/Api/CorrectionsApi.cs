using System.Text.Json;
using Approval.Intake.Data;
using Approval.Intake.Domain;
using Approval.Messaging;
using static Approval.Intake.Api.ApplicationAccess;

namespace Approval.Intake.Api;

/// <summary>
/// 补正: the window lists every correction in one act (补正（开始）, 6); the applicant's resubmission of the
/// corrected form and/or materials ends it (补正（结束）, 7). While a correction is open the application cannot be accepted (409).
/// </summary>
public static class CorrectionsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/{id:guid}/corrections", Request).RequireAuthorization(Roles.Window)
            .WithSummary("补正（开始）: the complete list of corrections in one act / 一次性告知补正");
        api.MapPost("/{id:guid}/correct", Correct).RequireAuthorization(Roles.Applicant)
            .WithSummary("补正（结束）: the applicant resubmits the corrected form and materials / 提交补正");
    }

    private static async Task<Ok<ApplicationDto>> Request(
        Guid id, CorrectionsRequest request, ClaimsPrincipal user, [AsParameters] IntakeServices s, CancellationToken ct)
    {
        var application = await FindAsync(s.Db, id, user, s.Audit, ct);
        var now = s.Clock.GetUtcNow();
        application.RequestCorrections(request.Corrections?.Select(c => new Correction(c.Subject ?? "", c.Problem ?? "")).ToList(), now);
        var list = string.Join("；", application.Corrections.Select((c, i) => $"{i + 1}. {c.Subject}：{c.Problem}"));
        s.Db.Progress.Add(Entry(application, user, list, now));
        s.Db.AddOutboxEvent(IntakeEvents.CorrectionRequested(application, user.DisplayName(), now), application.Id.ToString(), s.Clock);
        Audit(s.Audit, application);
        await s.Db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToDto(application));
    }

    private static async Task<Ok<ApplicationDto>> Correct(Guid id, CorrectedApplicationRequest request, ClaimsPrincipal user, ApplicationSubmission submission, MaterialAttachment materials, FormKnownValues knownValues, [AsParameters] IntakeServices s, CancellationToken ct)
    {
        var application = await FindOwnAsync(s.Db, id, user, s.Audit, ct);
        var now = s.Clock.GetUtcNow();
        string? form = null;
        if (request.Form is { ValueKind: JsonValueKind.Object })
        {
            var known = await knownValues.ForAsync(application.ProjectCode, application.ProjectName, null, application.ApplicantId, application.Id, ct);
            form = await submission.ValidFormAsync(request.Form, application.StageNo, application.Items.Select(i => i.ItemCode), known, ct);
        }
        var attached = await materials.ResolveAsync(application, request.Materials, now, ct);
        application.Correct(form, now);
        s.Db.AttachedMaterials.AddRange(attached);
        var what = string.Join("、", new[] { form is null ? null : "表单", attached.Count == 0 ? null : $"材料{attached.Count}份" }.OfType<string>());
        s.Db.Progress.Add(Entry(application, user, what.Length == 0 ? null : $"已补正：{what}", now));
        s.Db.AddOutboxEvent(IntakeEvents.Corrected(application, now), application.Id.ToString(), s.Clock);
        Audit(s.Audit, application);
        await s.Db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToDto(application));
    }
}

using Microsoft.Extensions.Options;
using Approval.Contracts.Events;
using Approval.Intake.Data;
using Approval.Intake.Domain;
using Approval.Messaging;
using static Approval.Intake.Api.ApplicationAccess;

namespace Approval.Intake.Api;

/// <summary>
/// The applicant's answer to a department's 补正 of an accepted item (Approvals' status 6): the corrected files — the
/// applicant's own uploads, each for a material of the list or of the items' material lists — and an optional note. The
/// files are attached to the application (the department downloads them as its materials); Approvals, told by
/// <see cref="ItemCorrectionAnswered"/>, ends the correction (补正（结束）, 7) and the item's clock runs again.
/// Only the application's owner may answer (others: 404); a correction answered already is 409.
/// </summary>
public static class ItemCorrectionsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/{id:guid}/item-corrections", List)
            .WithSummary("The departments' 补正 of the application's items and whether each was answered / 事项补正");
        api.MapPost("/{id:guid}/item-corrections/{correctionId:guid}/answer", Answer).RequireAuthorization(Roles.Applicant)
            .WithSummary("Answer an item's 补正 with corrected files (补正（结束）) / 提交事项补正");
    }

    public sealed record ItemCorrectionDto(Guid Id, Guid ItemInstanceId, string ItemCode, string ItemName, string DepartmentName,
        IReadOnlyList<CorrectionDto> Entries, DateOnly? Due, DateTimeOffset RequestedAt, DateTimeOffset? AnsweredAt, string? Note);

    public sealed record ItemCorrectionAnswerRequest(string? Note, List<MaterialChoice>? Materials);

    private static async Task<Ok<List<ItemCorrectionDto>>> List(Guid id, ClaimsPrincipal user, IntakeDbContext db, IAuditLog audit, CancellationToken ct)
    {
        await FindVisibleAsync(db, id, user, audit, ct);
        var list = await db.ItemCorrections.AsNoTracking().Where(c => c.ApplicationId == id).OrderBy(c => c.RequestedAt).ToListAsync(ct);
        return TypedResults.Ok(list.Select(ToDto).ToList());
    }

    private static async Task<Ok<ItemCorrectionDto>> Answer(Guid id, Guid correctionId, ItemCorrectionAnswerRequest request, ClaimsPrincipal user, MaterialAttachment attachment, [AsParameters] IntakeServices s, CancellationToken ct)
    {
        var application = await FindOwnAsync(s.Db, id, user, s.Audit, ct);
        var correction = await s.Db.ItemCorrections.FirstOrDefaultAsync(c => c.Id == correctionId && c.ApplicationId == id, ct)
            ?? throw new NotFoundException("Item correction 事项补正", correctionId.ToString());
        var choices = request.Materials ?? [];
        new FieldErrors()
            .Require(choices.Count > 0, "materials", "attach at least one corrected file", "至少上传一份补正材料")
            .Require(choices.All(c => c.LicenceIdentifier is null), "materials", "answer with uploaded files (materialId)", "补正材料应为上传的文件（materialId）")
            .ThrowIfAny();
        var now = s.Clock.GetUtcNow();
        correction.Answer(request.Note, now);
        var max = s.Limits.Value.MaterialsPerApplication;
        await using var tx = await s.Db.Database.BeginTransactionAsync(ct);
        await IntakeLimits.EnsureRoomAsync(s.Db, $"attached:{id}", c => s.Db.AttachedMaterials.CountAsync(a => a.ApplicationId == id, c), choices.Count, max,
            $"An application may have at most {max} materials attached.", $"每件申请最多添加{max}份材料。", ct);
        var attached = await attachment.ResolveAsync(application, choices, now, correction.Entries.Select(e => e.Subject), ct);
        s.Db.AttachedMaterials.AddRange(attached);
        var ids = attached.Select(a => a.MaterialId!.Value).ToList();
        var names = await s.Db.Materials.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.FileName, ct);
        s.Db.AddOutboxEvent(new ItemCorrectionAnswered(correction.Id, correction.ItemInstanceId, id, correction.Note,
            attached.Select(a => new ItemCorrectionFile(a.Name, a.MaterialId!.Value, names[a.MaterialId.Value])).ToList(),
            user.DisplayName(), application.ApplicantName, now), correction.ItemInstanceId.ToString(), s.Clock);
        s.Audit.Add(AuditActions.StateChange, "item-correction", correction.Id.ToString(), $"answered with {attached.Count} file(s)", application.RegionCode);
        await s.Db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(ToDto(correction));
    }

    private static ItemCorrectionDto ToDto(ItemCorrection c) => new(c.Id, c.ItemInstanceId, c.ItemCode, c.ItemName, c.DepartmentName,
        c.Entries.Select(e => new CorrectionDto(e.Subject, e.Problem)).ToList(), c.Due, c.RequestedAt, c.AnsweredAt, c.Note);
}

using Approval.Intake.Domain;
using Approval.Intake.Materials;
using static Approval.Intake.Api.ApplicationAccess;

namespace Approval.Intake.Api;

/// <summary>
/// Counter and mail intake with materials (R-7.2): the window scans the paper materials it received and uploads them for
/// the applicant, each against an entry of the items' material lists, before its decision. The file becomes the applicant's
/// material (their history, reusable) marked with the officer who uploaded it: 窗口代收纸质材料扫描件.
/// </summary>
public static class WindowMaterialsApi
{
    public static void Map(RouteGroupBuilder applications) =>
        applications.MapPost("/{id:guid}/materials/scanned", UploadScanned).RequireAuthorization(Roles.Window).DisableAntiforgery()
            .WithSummary($"The window uploads a scanned paper material for the applicant (multipart fields 'file' and 'name', the material-list entry; PDF, JPEG, PNG, OFD; at most {MaterialLimits.MaxMegabytes} MB) / 窗口代收纸质材料扫描件上传");

    private static async Task<Ok<MaterialsApi.ApplicationMaterialsDto>> UploadScanned(Guid id, HttpContext http, ClaimsPrincipal user,
        IMaterialStore store, MaterialAttachment attachment, [AsParameters] IntakeServices s, CancellationToken ct)
    {
        var application = await FindAsync(s.Db, id, user, s.Audit, ct);
        application.EnsureUndecided("Attaching materials", "添加材料");
        var upload = await MaterialUpload.ReadAsync(http, ct);
        var name = upload.Form["name"].ToString().Trim();
        var names = (await attachment.MaterialListAsync(application, ct)).Select(m => m.Name).ToList();
        if (!names.Contains(name))
            throw ValidationException.For("name", $"must be an entry of the items' material lists: {string.Join(", ", names)}",
                $"应为所选事项材料清单中的材料：{string.Join("、", names)}");

        var max = s.Limits.Value.MaterialsPerApplication;
        await using var tx = await s.Db.Database.BeginTransactionAsync(ct);
        await IntakeLimits.EnsureRoomAsync(s.Db, $"attached:{id}", c => s.Db.AttachedMaterials.CountAsync(a => a.ApplicationId == id, c), 1, max,
            $"An application may have at most {max} materials attached.", $"每件申请最多添加{max}份材料。", ct);
        var material = await MaterialUpload.StoreAsync(upload, application.ApplicantId, application.RegionCode, user.DisplayName(), store, s, ct);
        s.Db.AttachedMaterials.Add(new AttachedMaterial { ApplicationId = application.Id, Name = name, MaterialId = material.Id, AttachedAt = material.UploadedAt });
        s.Audit.Add(AuditActions.StateChange, "application", id.ToString(),
            $"window uploaded a scanned paper material 窗口代收纸质材料扫描件: {name} ({upload.FileName}, {material.Sha256})", application.RegionCode);
        await s.Db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return await MaterialsApi.ForApplication(id, user, s.Db, attachment, s.Audit, ct);
    }
}

using Approval.Intake.Clients;
using Approval.Intake.Data;
using Approval.Intake.Domain;
using Approval.Intake.Materials;
using Microsoft.Extensions.Options;
using static Approval.Intake.Api.ApplicationAccess;

namespace Approval.Intake.Api;

/// <summary>
/// Materials: upload once (size limit, type by extension and magic bytes, SHA-256), reuse from
/// the applicant's history or the e-licence library by reference, attach to an application per its material lists,
/// download by the owner, the window and the departments the application is routed to.
/// </summary>
public static class MaterialsApi
{
    /// <summary>An uploaded material, or a delivered one (Source, DeliveredName, ProjectCode, EngineeringCode, SealCode set: a review result, an intermediary's report).</summary>
    public sealed record MaterialDto(Guid Id, string FileName, string ContentType, long Size, string Sha256, DateTimeOffset UploadedAt,
        string? Source = null, string? DeliveredName = null, string? ProjectCode = null, string? EngineeringCode = null, string? SealCode = null,
        string? UploadedBy = null);
    public sealed record AttachRequest(List<MaterialChoice>? Materials);
    /// <summary>An attached material; UploadedBy names the window officer who scanned the paper original for the applicant (窗口代收纸质材料扫描件), null otherwise.</summary>
    public sealed record AttachedMaterialDto(string Name, Guid? MaterialId, string? FileName, string? Sha256, string? LicenceIdentifier, DateTimeOffset AttachedAt,
        string? UploadedBy = null, DateTimeOffset? UploadedAt = null);
    public sealed record ApplicationMaterialsDto(IReadOnlyList<AttachedMaterialDto> Attached, IReadOnlyList<CatalogMaterial> MaterialList, IReadOnlyList<string> MissingRequired);

    public static void Map(IEndpointRouteBuilder app, RouteGroupBuilder applications)
    {
        var api = app.MapGroup("/api/intake/materials").WithTags("Materials").RequireAuthorization();
        api.MapPost("/", Upload).RequireAuthorization(Roles.Applicant).DisableAntiforgery()
            .WithSummary($"Upload a material (multipart field 'file'; PDF, JPEG, PNG, OFD; at most {MaterialLimits.MaxMegabytes} MB) / 上传材料");
        api.MapGet("/", Mine).RequireAuthorization(Roles.Applicant).WithSummary("My materials, uploaded or delivered to me (review results, intermediaries' reports), for reuse / 我的材料（历史材料复用）");
        api.MapGet("/{materialId:guid}/content", Download).WithSummary("Download a material / 下载材料");
        app.MapGet("/api/intake/licences", HeldLicences).WithTags("Materials").RequireAuthorization(Roles.Applicant)
            .WithSummary("The valid e-licences I hold, attachable as materials / 我的电子证照（证照复用）");
        applications.MapGet("/{id:guid}/materials", ForApplication).WithSummary("An application's materials and what is still missing / 申请材料");
        applications.MapPost("/{id:guid}/materials", Attach).RequireAuthorization(Roles.Applicant)
            .WithSummary("Attach uploaded materials or held e-licences by reference, before the decision / 添加申请材料");
    }

    private static async Task<Created<MaterialDto>> Upload(
        HttpContext http, ClaimsPrincipal user, IMaterialStore store, [AsParameters] IntakeServices s, CancellationToken ct)
    {
        var upload = await MaterialUpload.ReadAsync(http, ct);
        await using var tx = await s.Db.Database.BeginTransactionAsync(ct);
        var material = await MaterialUpload.StoreAsync(upload, user.UserId(), user.RegionCode() ?? "", null, store, s, ct);
        await s.Db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Created($"/api/intake/materials/{material.Id}/content", ToDto(material));
    }

    private static async Task<Ok<List<MaterialDto>>> Mine(ClaimsPrincipal user, IntakeDbContext db, CancellationToken ct)
    {
        var me = user.UserId();
        var list = await db.Materials.AsNoTracking().Where(m => m.OwnerId == me).OrderByDescending(m => m.UploadedAt).Take(500).ToListAsync(ct);
        return TypedResults.Ok(list.Select(ToDto).ToList());
    }

    private static async Task<Ok<List<LicenceDto>>> HeldLicences(ClaimsPrincipal user, IntakeDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await MaterialAttachment.HeldLicences(db, user.UserId()).OrderByDescending(l => l.IssuedAt)
            .Select(l => new LicenceDto(l.Identifier, l.LicenceName, l.ItemCode, l.IssuerName, l.IssuedAt, l.RevokedAt, l.RevocationReason, l.ExpiredAt))
            .ToListAsync(ct));

    /// <summary>The audit action of a granted download (a refused one is "access-denied").</summary>
    public const string DownloadAction = "download";

    /// <summary>Audited, granted or refused. The owner always; anyone else only through an application the material is attached to and that they may see, or (a utility) through a design-stage application of a project that applied to it.</summary>
    private static async Task<FileStreamHttpResult> Download(Guid materialId, HttpContext http, ClaimsPrincipal user, IntakeDbContext db, IMaterialStore store,
        UtilitiesClient utilities, IAuditLog audit, CancellationToken ct)
    {
        var material = await db.Materials.AsNoTracking().FirstOrDefaultAsync(m => m.Id == materialId, ct)
            ?? throw new NotFoundException("Material 材料", materialId.ToString());
        if (material.OwnerId != user.UserId())
        {
            var applicationIds = await db.AttachedMaterials.AsNoTracking().Where(a => a.MaterialId == materialId).Select(a => a.ApplicationId).Distinct().ToListAsync(ct);
            var applications = await db.Applications.AsNoTracking().Where(a => applicationIds.Contains(a.Id)).ToListAsync(ct);
            var allowed = false;
            foreach (var application in applications) allowed = allowed || await MaySeeMaterialsAsync(db, application, user, ct);
            // a utility reads a design material of a project that applied to it.
            allowed = allowed || await DesignMaterialsApi.UtilityMayReadAsync(materialId, http, user, db, utilities, ct);
            if (!allowed)
            {
                await audit.DenyAsync("material", materialId.ToString(), "not the owner, window, a routed department or an applied-to utility", ct, material.RegionCode);
                throw new NotFoundException("Material 材料", materialId.ToString());
            }
        }
        await audit.RecordAsync(DownloadAction, "material", materialId.ToString(), $"downloaded {material.FileName}", material.RegionCode, user, ct);
        return TypedResults.File(store.OpenRead(material.StorageName), material.ContentType, material.FileName);
    }

    internal static async Task<Ok<ApplicationMaterialsDto>> ForApplication(
        Guid id, ClaimsPrincipal user, IntakeDbContext db, MaterialAttachment attachment, IAuditLog audit, CancellationToken ct)
    {
        var application = await FindForMaterialsAsync(db, id, user, audit, ct);
        var attached = await db.AttachedMaterials.AsNoTracking().Where(a => a.ApplicationId == id).OrderBy(a => a.Id)
            .GroupJoin(db.Materials.AsNoTracking(), a => a.MaterialId, m => m.Id, (a, ms) => new { a, ms })
            .SelectMany(x => x.ms.DefaultIfEmpty(), (x, m) => new AttachedMaterialDto(
                x.a.Name, x.a.MaterialId, m == null ? null : m.FileName, m == null ? null : m.Sha256, x.a.LicenceIdentifier, x.a.AttachedAt,
                m == null ? null : m.UploadedBy, m == null ? null : m.UploadedAt))
            .ToListAsync(ct);
        var list = await attachment.MaterialListAsync(application, ct);
        var missing = list.Where(m => m.Required && attached.All(a => a.Name != m.Name)).Select(m => m.Name).ToList();
        return TypedResults.Ok(new ApplicationMaterialsDto(attached, list, missing));
    }

    private static async Task<Ok<ApplicationMaterialsDto>> Attach(Guid id, AttachRequest request, ClaimsPrincipal user, MaterialAttachment attachment, [AsParameters] IntakeServices s, CancellationToken ct)
    {
        var application = await FindOwnAsync(s.Db, id, user, s.Audit, ct);
        application.EnsureUndecided("Attaching materials", "添加材料");
        if (request.Materials is not { Count: > 0 }) throw ValidationException.For("materials", "name at least one material", "至少添加一份材料");
        var max = s.Limits.Value.MaterialsPerApplication;
        await using var tx = await s.Db.Database.BeginTransactionAsync(ct);
        await IntakeLimits.EnsureRoomAsync(s.Db, $"attached:{id}", c => s.Db.AttachedMaterials.CountAsync(a => a.ApplicationId == id, c), request.Materials.Count, max,
            $"An application may have at most {max} materials attached.", $"每件申请最多添加{max}份材料。", ct);
        s.Db.AttachedMaterials.AddRange(await attachment.ResolveAsync(application, request.Materials, s.Clock.GetUtcNow(), ct));
        await s.Db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return await ForApplication(id, user, s.Db, attachment, s.Audit, ct);
    }

    private static MaterialDto ToDto(Material m) =>
        new(m.Id, m.FileName, m.ContentType, m.Size, m.Sha256, m.UploadedAt, m.Source, m.DeliveredName, m.ProjectCode, m.EngineeringCode, m.SealCode, m.UploadedBy);
}

using Approval.Intake.Clients;
using Approval.Intake.Data;
using Approval.Intake.Domain;
using Approval.Intake.Materials;
using Approval.ServiceDefaults;
using Microsoft.AspNetCore.Http.Features;
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
        string? Source = null, string? DeliveredName = null, string? ProjectCode = null, string? EngineeringCode = null, string? SealCode = null);
    public sealed record AttachRequest(List<MaterialChoice>? Materials);
    public sealed record AttachedMaterialDto(string Name, Guid? MaterialId, string? FileName, string? Sha256, string? LicenceIdentifier, DateTimeOffset AttachedAt);
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
        if (http.Request.ContentLength > MaterialLimits.MaxRequestBytes)
        {
            await RequestBodyLimit.DrainAsync(http);
            throw MaterialLimits.TooLarge();
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaterialLimits.MaxRequestBytes;
        if (!http.Request.HasFormContentType) throw ValidationException.For("file", "send multipart/form-data with a field 'file'", "请以multipart/form-data上传，字段名为file");
        IFormFile? file;
        try
        {
            file = (await http.Request.ReadFormAsync(ct)).Files.GetFile("file");
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw MaterialLimits.TooLarge();
        }
        if (file is null || file.Length == 0) throw ValidationException.For("file", "a non-empty file is required", "必须上传非空文件");
        if (file.Length > MaterialLimits.MaxBytes) throw MaterialLimits.TooLarge();
        var fileName = Path.GetFileName(file.FileName);
        if (fileName.Length is 0 or > 200) throw ValidationException.For("file", "the file name must have 1 to 200 characters", "文件名应为1至200个字符");

        await using var content = file.OpenReadStream();
        var header = new byte[MaterialTypes.HeaderLength];
        var read = await content.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, ct);
        var (contentType, problem) = MaterialTypes.Check(fileName, header.AsSpan(0, read));
        if (contentType is null)
            throw new RequestRefusedException(StatusCodes.Status415UnsupportedMediaType, "Unsupported material type / 不支持的材料类型", problem!, "");
        content.Position = 0;
        var me = user.UserId();
        var max = s.Limits.Value.MaterialsPerApplicant;
        await using var tx = await s.Db.Database.BeginTransactionAsync(ct);
        await IntakeLimits.EnsureRoomAsync(s.Db, $"materials:{me}", c => s.Db.Materials.CountAsync(m => m.OwnerId == me, c), 1, max,
            $"An applicant may keep at most {max} uploaded materials.", $"每位申请人最多上传{max}份材料。", ct);
        var stored = await store.SaveAsync(content, ct);
        var now = s.Clock.GetUtcNow();
        var material = new Material
        {
            Id = Guid.CreateVersion7(now), OwnerId = user.UserId(), RegionCode = user.RegionCode() ?? "", FileName = fileName,
            ContentType = contentType, Size = stored.Size, Sha256 = stored.Sha256, StorageName = stored.StorageName, UploadedAt = now,
        };
        s.Db.Materials.Add(material);
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

    /// <summary>Audited, granted or refused. The owner always; anyone else only through an application the material is attached to and that they may see.</summary>
    private static async Task<FileStreamHttpResult> Download(Guid materialId, ClaimsPrincipal user, IntakeDbContext db, IMaterialStore store, IAuditLog audit, CancellationToken ct)
    {
        var material = await db.Materials.AsNoTracking().FirstOrDefaultAsync(m => m.Id == materialId, ct)
            ?? throw new NotFoundException("Material 材料", materialId.ToString());
        if (material.OwnerId != user.UserId())
        {
            var applicationIds = await db.AttachedMaterials.AsNoTracking().Where(a => a.MaterialId == materialId).Select(a => a.ApplicationId).Distinct().ToListAsync(ct);
            var applications = await db.Applications.AsNoTracking().Where(a => applicationIds.Contains(a.Id)).ToListAsync(ct);
            var allowed = false;
            foreach (var application in applications) allowed = allowed || await MaySeeMaterialsAsync(db, application, user, ct);
            if (!allowed)
            {
                await audit.DenyAsync("material", materialId.ToString(), "not the owner, window or a routed department", ct, material.RegionCode);
                throw new NotFoundException("Material 材料", materialId.ToString());
            }
        }
        await audit.RecordAsync(DownloadAction, "material", materialId.ToString(), $"downloaded {material.FileName}", material.RegionCode, user, ct);
        return TypedResults.File(store.OpenRead(material.StorageName), material.ContentType, material.FileName);
    }

    private static async Task<Ok<ApplicationMaterialsDto>> ForApplication(
        Guid id, ClaimsPrincipal user, IntakeDbContext db, MaterialAttachment attachment, IAuditLog audit, CancellationToken ct)
    {
        var application = await FindForMaterialsAsync(db, id, user, audit, ct);
        var attached = await db.AttachedMaterials.AsNoTracking().Where(a => a.ApplicationId == id).OrderBy(a => a.Id)
            .GroupJoin(db.Materials.AsNoTracking(), a => a.MaterialId, m => m.Id, (a, ms) => new { a, ms })
            .SelectMany(x => x.ms.DefaultIfEmpty(), (x, m) => new AttachedMaterialDto(
                x.a.Name, x.a.MaterialId, m == null ? null : m.FileName, m == null ? null : m.Sha256, x.a.LicenceIdentifier, x.a.AttachedAt))
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
        new(m.Id, m.FileName, m.ContentType, m.Size, m.Sha256, m.UploadedAt, m.Source, m.DeliveredName, m.ProjectCode, m.EngineeringCode, m.SealCode);
}

using Approval.Intake.Domain;
using Approval.Intake.Materials;
using Approval.ServiceDefaults;
using Microsoft.AspNetCore.Http.Features;

namespace Approval.Intake.Api;

/// <summary>
/// One upload: the multipart field <c>file</c> checked for size (<see cref="MaterialLimits"/>), name and type (extension
/// and magic bytes), then stored once against its owner's quota. Shared by the applicant's own upload and the window's scan of
/// the paper materials it received for the applicant.
/// </summary>
internal static class MaterialUpload
{
    public sealed record Upload(IFormCollection Form, IFormFile File, string FileName, string ContentType);

    /// <summary>The request's form and its checked file; 413, 415 or 400 naming <c>file</c> otherwise. Nothing is stored yet.</summary>
    public static async Task<Upload> ReadAsync(HttpContext http, CancellationToken ct)
    {
        if (http.Request.ContentLength > MaterialLimits.MaxRequestBytes)
        {
            await RequestBodyLimit.DrainAsync(http);
            throw MaterialLimits.TooLarge();
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaterialLimits.MaxRequestBytes;
        if (!http.Request.HasFormContentType) throw ValidationException.For("file", "send multipart/form-data with a field 'file'", "请以multipart/form-data上传，字段名为file");
        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(ct);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw MaterialLimits.TooLarge();
        }
        catch (Exception e) when (e is InvalidDataException or IOException && !ct.IsCancellationRequested)
        {
            // a multipart body that does not match its boundary or ends early
            throw ValidationException.For("file", $"the multipart body is malformed: {e.Message}", "上传内容不是完整的multipart/form-data");
        }
        var file = form.Files.GetFile("file");
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
        return new Upload(form, file, fileName, contentType);
    }

    /// <summary>Stores the file as <paramref name="ownerId"/>'s material (counted against the owner's limit) and adds it, unsaved. Call inside a transaction.</summary>
    public static async Task<Material> StoreAsync(Upload upload, string ownerId, string regionCode, string? uploadedBy,
        IMaterialStore store, IntakeServices s, CancellationToken ct)
    {
        var max = s.Limits.Value.MaterialsPerApplicant;
        await IntakeLimits.EnsureRoomAsync(s.Db, $"materials:{ownerId}", c => s.Db.Materials.CountAsync(m => m.OwnerId == ownerId, c), 1, max,
            $"An applicant may keep at most {max} uploaded materials.", $"每位申请人最多上传{max}份材料。", ct);
        await using var content = upload.File.OpenReadStream();
        var stored = await store.SaveAsync(content, ct);
        var now = s.Clock.GetUtcNow();
        var material = new Material
        {
            Id = Guid.CreateVersion7(now), OwnerId = ownerId, RegionCode = regionCode, FileName = upload.FileName,
            ContentType = upload.ContentType, Size = stored.Size, Sha256 = stored.Sha256, StorageName = stored.StorageName, UploadedAt = now,
            UploadedBy = uploadedBy,
        };
        s.Db.Materials.Add(material);
        return material;
    }
}

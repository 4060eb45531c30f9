using Approval.Licences.Archives;
using Approval.Licences.Data;
using Approval.Licences.Domain;
using Approval.Licences.Sealing;

namespace Approval.Licences.Api;

/// <summary>Project archive packages: build one for an application, download it, check any package.</summary>
public static class ArchivesApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/licences/archives").WithTags("Archives").RequireAuthorization(Roles.Window);
        api.MapPost("/{applicationId:guid}", Build)
            .WithSummary("Build and seal the archive package of an application (documents, application, decisions, opinions, timeline) / 归档");
        api.MapGet("/{applicationId:guid}", Download).WithSummary("The latest archive package of an application (ZIP) / 下载档案包");
        api.MapPost("/check", Check).Accepts<byte[]>("application/zip")
            .WithSummary("Check a package (request body): authenticity, integrity, usability, security; names each failing file / 档案四性检测");
    }

    /// <summary>Only for an application Intake shows the caller and of the caller's region (404 otherwise); audited.</summary>
    private static async Task<Created<ArchiveSummary>> Build(Guid applicationId, HttpRequest request, ClaimsPrincipal user, ArchiveBuilder builder,
        IAuditLog audit, CancellationToken ct)
    {
        ArchivePackage archive;
        try
        {
            archive = await builder.BuildAsync(applicationId, request.Headers, user.DisplayName(), user.RegionCode(), ct);
        }
        catch (NotFoundException)
        {
            await audit.DenyAsync("archive", applicationId.ToString(), "build: the application is not shown to the caller in their region", ct);
            throw;
        }
        await audit.RecordAsync(AuditActions.StateChange, "archive", applicationId.ToString(), $"built {archive.Id} SM3 {archive.PackageDigest}",
            archive.RegionCode, null, ct);
        return TypedResults.Created($"/api/licences/archives/{applicationId}",
            new ArchiveSummary(archive.Id, archive.ApplicationId, archive.ProjectCode, archive.CreatedAt, archive.PackageDigest, archive.Package.Length));
    }

    /// <summary>The window of the application's region only: another region's window gets 404, as if there were none (audited).</summary>
    private static async Task<FileContentHttpResult> Download(Guid applicationId, ClaimsPrincipal user, LicencesDbContext db, IAuditLog audit, CancellationToken ct)
    {
        var archive = await db.Archives.AsNoTracking().Where(a => a.ApplicationId == applicationId).OrderByDescending(a => a.CreatedAt)
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException("Archive package 档案包", applicationId.ToString());
        if (!user.InRegion(archive.RegionCode))
        {
            await audit.DenyAsync("archive", applicationId.ToString(), "download: another region's archive", ct, archive.RegionCode);
            throw new NotFoundException("Archive package 档案包", applicationId.ToString());
        }
        await audit.RecordAsync(LicenceAccess.Download, "archive", applicationId.ToString(), $"archive {archive.Id}", archive.RegionCode, null, ct);
        return TypedResults.File(archive.Package, "application/zip", $"archive-{applicationId}.zip");
    }

    private static async Task<Ok<ArchiveCheckResult>> Check(HttpRequest request, SealRegistry seals, CancellationToken ct)
    {
        var package = await RequestBody.ReadAsync(request, "package", ct);
        return TypedResults.Ok(await ArchiveChecker.CheckAsync(package, id => seals.FindAsync(id, ct), () => seals.RootAsync(ct)));
    }
}

public sealed record ArchiveSummary(Guid Id, Guid ApplicationId, string ProjectCode, DateTimeOffset CreatedAt, string PackageDigest, int Size);

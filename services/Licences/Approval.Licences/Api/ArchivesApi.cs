using System.Security.Claims;
using Approval.Contracts.Errors;
using Approval.Licences.Archives;
using Approval.Licences.Data;
using Approval.Licences.Sealing;
using Approval.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

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

    private static async Task<Created<ArchiveSummary>> Build(Guid applicationId, HttpRequest request, ClaimsPrincipal user, ArchiveBuilder builder, CancellationToken ct)
    {
        var archive = await builder.BuildAsync(applicationId, request.Headers, user.DisplayName(), ct);
        return TypedResults.Created($"/api/licences/archives/{applicationId}",
            new ArchiveSummary(archive.Id, archive.ApplicationId, archive.ProjectCode, archive.CreatedAt, archive.PackageDigest, archive.Package.Length));
    }

    private static async Task<FileContentHttpResult> Download(Guid applicationId, LicencesDbContext db, CancellationToken ct)
    {
        var archive = await db.Archives.AsNoTracking().Where(a => a.ApplicationId == applicationId).OrderByDescending(a => a.CreatedAt)
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException("Archive package 档案包", applicationId.ToString());
        return TypedResults.File(archive.Package, "application/zip", $"archive-{applicationId}.zip");
    }

    private static async Task<Ok<ArchiveCheckResult>> Check(HttpRequest request, SealRegistry seals, CancellationToken ct)
    {
        var package = await RequestBody.ReadAsync(request, "package", ct);
        return TypedResults.Ok(await ArchiveChecker.CheckAsync(package, id => seals.FindAsync(id, ct), () => seals.RootAsync(ct)));
    }
}

public sealed record ArchiveSummary(Guid Id, Guid ApplicationId, string ProjectCode, DateTimeOffset CreatedAt, string PackageDigest, int Size);

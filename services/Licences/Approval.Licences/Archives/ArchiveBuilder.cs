using System.Text.Json;
using Approval.Licences.Clients;
using Approval.Licences.Data;
using Approval.Licences.Domain;
using Approval.Licences.Sealing;

namespace Approval.Licences.Archives;

/// <summary>
/// Builds the archive package of an application (R-12.1): Intake's progress view (the application, its timeline
/// with every decision and opinion), each licence as sealed PDF and as record with its seal proof, the seal
/// certificates, metadata, an SM3 fixity manifest and the archive seal's SM2 signature of that manifest.
/// </summary>
public sealed class ArchiveBuilder(LicencesDbContext db, SealRegistry seals, SealSigner signer, IntakeClient intake, TimeProvider clock)
{
    /// <summary>
    /// Builds the package when Intake shows the application to the caller (their credentials are forwarded) and it is of
    /// <paramref name="region"/>, the caller's region; otherwise 404.
    /// </summary>
    public async Task<ArchivePackage> BuildAsync(Guid applicationId, IHeaderDictionary caller, string actor, string? region, CancellationToken ct)
    {
        var progress = await intake.GetProgressAsync(applicationId, caller, ct)
            ?? throw new NotFoundException("Application 申请", applicationId.ToString());
        var regionCode = JsonDocument.Parse(progress).RootElement.GetProperty("application").GetProperty("regionCode").GetString();
        if (regionCode is null || regionCode != region) throw new NotFoundException("Application 申请", applicationId.ToString());
        var licences = await db.Licences.AsNoTracking().Include(l => l.History).Where(l => l.ApplicationId == applicationId)
            .OrderBy(l => l.IssuedAt).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var archiveSeal = await seals.SealingSealAsync(Seal.ArchiveHolder, now, ct) ?? throw new NoValidSealException(Seal.ArchiveHolder);
        var root = await seals.RootAsync(ct) ?? throw new NoValidSealException(Seal.RootHolder);

        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal) { [ArchiveLayout.Progress] = progress };
        var usedSeals = new Dictionary<Guid, Seal> { [root.Id] = root, [archiveSeal.Id] = archiveSeal };
        foreach (var l in licences)
        {
            files[$"licences/{l.Identifier}.pdf"] = l.Pdf;
            files[$"licences/{l.Identifier}.json"] = JsonSerializer.SerializeToUtf8Bytes(LicenceRecord.Of(l, now), ArchivePackager.Json);
            if (await seals.FindAsync(l.SealId, ct) is { } s) usedSeals[s.Id] = s;
        }
        foreach (var s in usedSeals.Values) files[$"seals/{s.SealCode}.json"] = JsonSerializer.SerializeToUtf8Bytes(SealRecord.Of(s), ArchivePackager.Json);

        var project = JsonDocument.Parse(progress).RootElement.GetProperty("application");
        files[ArchiveLayout.Metadata] = JsonSerializer.SerializeToUtf8Bytes(new
        {
            standard = "GB/T 18894-2016 (spirit) / 电子文件归档与电子档案管理规范",
            archiveId = Guid.CreateVersion7(now),
            applicationId,
            projectCode = project.GetProperty("projectCode").GetString(),
            projectName = project.GetProperty("projectName").GetString(),
            title = $"{project.GetProperty("projectName").GetString()}审批档案",
            createdAt = now, createdBy = actor, creator = "工程建设项目审批管理系统",
            retention = "永久", classification = "公开",
            fixityAlgorithm = "SM3", signatureAlgorithm = "SM2 (sm2p256v1) over SM3",
            files = files.Keys.Select(k => new { path = k, size = files[k].Length, format = Path.GetExtension(k).TrimStart('.') }),
        }, ArchivePackager.Json);

        var package = ArchivePackager.Pack(files, archiveSeal, signer, now);
        var archive = new ArchivePackage
        {
            Id = Guid.CreateVersion7(now), ApplicationId = applicationId, RegionCode = regionCode, ProjectCode = project.GetProperty("projectCode").GetString() ?? "",
            CreatedBy = actor, CreatedAt = now, PackageDigest = Sm3.Hex(package), Package = package,
        };
        db.Archives.Add(archive);
        await db.SaveChangesAsync(ct);
        return archive;
    }

}

using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Approval.Contracts.Errors;
using Approval.Licences.Data;
using Approval.Licences.Domain;
using Approval.Licences.Sealing;
using Microsoft.EntityFrameworkCore;

namespace Approval.Licences.Archives;

/// <summary>
/// Builds the archive package of an application (R-12.1): Intake's progress view (the application, its timeline
/// with every decision and opinion), each licence as sealed PDF and as record with its seal proof, the seal
/// certificates, metadata, an SM3 fixity manifest and the archive seal's SM2 signature of that manifest.
/// </summary>
public sealed class ArchiveBuilder(LicencesDbContext db, SealRegistry seals, IntakeClient intake, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public async Task<ArchivePackage> BuildAsync(Guid applicationId, IHeaderDictionary caller, string actor, CancellationToken ct)
    {
        var progress = await intake.GetProgressAsync(applicationId, caller, ct)
            ?? throw new NotFoundException("Application 申请", applicationId.ToString());
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
            files[$"licences/{l.Identifier}.json"] = Serialize(LicenceRecord.Of(l, now));
            if (await seals.FindAsync(l.SealId, ct) is { } s) usedSeals[s.Id] = s;
        }
        foreach (var s in usedSeals.Values) files[$"seals/{s.SealCode}.json"] = Serialize(SealRecord.Of(s));

        var project = JsonDocument.Parse(progress).RootElement.GetProperty("application");
        files[ArchiveLayout.Metadata] = Serialize(new
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
        });

        var manifest = Encoding.UTF8.GetBytes(string.Concat(files.Select(f => $"{Sm3.Hex(f.Value)}  {f.Key}\n")));
        var manifestDigest = Sm3.Hash(manifest);
        var signature = new ManifestSignature(archiveSeal.Id, archiveSeal.SealCode, now, "SM2-SM3", Convert.ToHexStringLower(manifestDigest),
            Convert.ToBase64String(seals.Sign(archiveSeal, manifestDigest)));
        files[ArchiveLayout.Manifest] = manifest;
        files[ArchiveLayout.ManifestSignature] = Serialize(signature);

        var package = Zip(files);
        var archive = new ArchivePackage
        {
            Id = Guid.CreateVersion7(now), ApplicationId = applicationId, ProjectCode = project.GetProperty("projectCode").GetString() ?? "",
            CreatedBy = actor, CreatedAt = now, PackageDigest = Sm3.Hex(package), Package = package,
        };
        db.Archives.Add(archive);
        await db.SaveChangesAsync(ct);
        return archive;
    }

    private static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Json);

    /// <summary>Stored without compression, so each file's bytes sit in the package as they are.</summary>
    private static byte[] Zip(IDictionary<string, byte[]> files)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, bytes) in files)
            {
                var entry = zip.CreateEntry(path, CompressionLevel.NoCompression);
                entry.LastWriteTime = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
                using var stream = entry.Open();
                stream.Write(bytes);
            }
        }
        return output.ToArray();
    }
}

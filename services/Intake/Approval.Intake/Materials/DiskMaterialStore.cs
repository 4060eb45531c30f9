using System.Security.Cryptography;

namespace Approval.Intake.Materials;

/// <summary>
/// Files under Approval:Intake:MaterialsPath (default: .local/materials under the service's content root), named by
/// a new version-7 GUID in a folder per year-month. The file is written to a temporary name and moved into place
/// only when complete, so a half-written upload is never referenced.
/// </summary>
public sealed class DiskMaterialStore(string root, TimeProvider clock) : IMaterialStore
{
    public async Task<StoredMaterial> SaveAsync(Stream content, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var storageName = $"{now:yyyyMM}/{Guid.CreateVersion7(now):N}.bin";
        var path = PathOf(storageName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".part";
        long size;
        byte[] hash;
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    sha.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }
                size = file.Length;
                hash = sha.GetHashAndReset();
            }
            File.Move(temporary, path);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
        return new StoredMaterial(storageName, size, Convert.ToHexStringLower(hash));
    }

    public Stream OpenRead(string storageName) =>
        new FileStream(PathOf(storageName), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);

    private string PathOf(string storageName)
    {
        var full = Path.GetFullPath(Path.Combine(root, storageName));
        if (!full.StartsWith(Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal)) throw new InvalidOperationException("storage name outside the store");
        return full;
    }
}

using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Approval.Licences.Domain;
using Approval.Licences.Sealing;

namespace Approval.Licences.Archives;

/// <summary>
/// Seals a set of files into a package: adds manifest.sm3 (SM3 of every file) and manifest.sig.json (the seal's
/// SM2 signature of the manifest's SM3 digest), and zips them without compression.
/// </summary>
public static class ArchivePackager
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] Pack(IReadOnlyDictionary<string, byte[]> files, Seal seal, SealSigner signer, DateTimeOffset now)
    {
        var all = new SortedDictionary<string, byte[]>(files.ToDictionary(f => f.Key, f => f.Value), StringComparer.Ordinal);
        var manifest = Encoding.UTF8.GetBytes(string.Concat(all.Select(f => $"{Sm3.Hex(f.Value)}  {f.Key}\n")));
        var digest = Sm3.Hash(manifest);
        var signature = new ManifestSignature(seal.Id, seal.SealCode, now, "SM2-SM3", Convert.ToHexStringLower(digest),
            Convert.ToBase64String(signer.Sign(seal, digest)));
        all[ArchiveLayout.Manifest] = manifest;
        all[ArchiveLayout.ManifestSignature] = JsonSerializer.SerializeToUtf8Bytes(signature, Json);
        return Zip(all);
    }

    /// <summary>Stored without compression, so each file's bytes sit in the package as they are.</summary>
    public static byte[] Zip(IEnumerable<KeyValuePair<string, byte[]>> files)
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

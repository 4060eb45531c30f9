using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Approval.Licences.Domain;
using Approval.Licences.Sealing;

namespace Approval.Licences.Archives;

/// <summary>
/// Checks a package: security (safe names and formats only, nothing outside the manifest), integrity (every file
/// present, readable and matching its SM3 digest), authenticity (the manifest's SM2 signature by a seal certified by
/// the region root, in force when it signed) and usability (JSON parses, PDFs are complete PDF files).
/// </summary>
public static class ArchiveChecker
{
    private const string Authenticity = "authenticity 真实性", Integrity = "integrity 完整性", Usability = "usability 可用性", Security = "security 安全性";

    /// <summary>Bounds on what a package may inflate to (zip bomb): far above any package the library builds.</summary>
    public const int MaxEntries = 1_000;
    public const long MaxUncompressedBytes = 100L * 1024 * 1024;

    public static async Task<ArchiveCheckResult> CheckAsync(byte[] package, Func<Guid, Task<Seal?>> findSeal, Func<Task<Seal?>> findRoot)
    {
        List<ArchiveFailure> authenticity = [], integrity = [], usability = [], security = [];
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        try
        {
            using var zip = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxEntries)
            {
                security.Add(new(Security, ArchiveLayout.WholePackage,
                    $"{zip.Entries.Count} entries exceed the limit of {MaxEntries} / 文件数超过{MaxEntries}个的上限"));
                return Result(authenticity, integrity, usability, security);
            }
            var budget = MaxUncompressedBytes;
            foreach (var entry in zip.Entries)
            {
                if (!SafeName(entry.FullName)) { security.Add(new(Security, entry.FullName, "unsafe path or file type / 文件路径或类型不安全")); continue; }
                if (files.ContainsKey(entry.FullName)) { security.Add(new(Security, entry.FullName, "duplicate entry / 重复文件")); continue; }
                try
                {
                    var bytes = await InflateAsync(entry, budget);
                    if (bytes is null)
                    {
                        // Inflated no further than the limit: the rest of the package is not read.
                        security.Add(new(Security, entry.FullName,
                            $"the package inflates beyond the limit of {MaxUncompressedBytes / 1024 / 1024} MiB uncompressed (zip bomb) / 解压后超过{MaxUncompressedBytes / 1024 / 1024} MiB上限（疑似压缩炸弹）"));
                        return Result(authenticity, integrity, usability, security);
                    }
                    budget -= bytes.Length;
                    files[entry.FullName] = bytes;
                }
                catch (InvalidDataException e)
                {
                    integrity.Add(new(Integrity, entry.FullName, $"the file is damaged and cannot be read ({e.Message}) / 文件损坏无法读取"));
                }
            }
        }
        catch (InvalidDataException e)
        {
            integrity.Add(new(Integrity, ArchiveLayout.WholePackage, $"not a readable ZIP package ({e.Message}) / 档案包不是可读的ZIP文件"));
            return Result(authenticity, integrity, usability, security);
        }

        if (!files.TryGetValue(ArchiveLayout.Manifest, out var manifest))
        {
            integrity.Add(new(Integrity, ArchiveLayout.Manifest, "the manifest is missing / 缺少固化清单"));
            return Result(authenticity, integrity, usability, security);
        }

        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in Encoding.UTF8.GetString(manifest).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split("  ", 2);
            if (parts.Length != 2) { integrity.Add(new(Integrity, ArchiveLayout.Manifest, $"malformed line '{line}' / 清单行格式错误")); continue; }
            listed.Add(parts[1]);
            if (!files.TryGetValue(parts[1], out var bytes))
            {
                if (!integrity.Any(f => f.File == parts[1])) integrity.Add(new(Integrity, parts[1], "listed in the manifest but missing / 清单所列文件缺失"));
            }
            else if (Sm3.Hex(bytes) != parts[0])
                integrity.Add(new(Integrity, parts[1], "SM3 digest differs from the manifest: the file was altered / SM3摘要与清单不符，文件已被篡改"));
        }
        foreach (var name in files.Keys.Where(n => n is not ArchiveLayout.Manifest and not ArchiveLayout.ManifestSignature && !listed.Contains(n)))
            security.Add(new(Security, name, "not listed in the manifest / 文件不在固化清单中"));

        await CheckSignatureAsync(files, manifest, authenticity, findSeal, findRoot);

        foreach (var (name, bytes) in files)
        {
            if (name.EndsWith(".json", StringComparison.Ordinal) && !ParsesAsJson(bytes))
                usability.Add(new(Usability, name, "not valid JSON / 不是有效的JSON文件"));
            if (name.EndsWith(".pdf", StringComparison.Ordinal) && !LooksLikePdf(bytes))
                usability.Add(new(Usability, name, "not a complete PDF file / 不是完整的PDF文件"));
        }
        return Result(authenticity, integrity, usability, security);
    }

    private static async Task CheckSignatureAsync(Dictionary<string, byte[]> files, byte[] manifest, List<ArchiveFailure> failures,
        Func<Guid, Task<Seal?>> findSeal, Func<Task<Seal?>> findRoot)
    {
        const string file = ArchiveLayout.ManifestSignature;
        ManifestSignature? signature = null;
        try
        {
            if (files.TryGetValue(file, out var bytes)) signature = JsonSerializer.Deserialize<ManifestSignature>(bytes, JsonSerializerOptions.Web);
        }
        catch (JsonException) { signature = null; } // unreadable: reported below as missing or unreadable
        if (signature is null) { failures.Add(new(Authenticity, file, "the manifest signature is missing or unreadable / 缺少清单签名或无法读取")); return; }

        var seal = await findSeal(signature.SealId);
        var root = await findRoot();
        if (seal is null || root is null) { failures.Add(new(Authenticity, file, "the signing seal is unknown / 签名印章不存在")); return; }
        if (SealCertificate.Problem(seal, root) is { } problem) failures.Add(new(Authenticity, file, problem));
        if (!seal.WasInForceAt(signature.SignedAt)) failures.Add(new(Authenticity, file, "the seal was not in force when it signed / 签名时印章不在有效期内"));
        byte[] signatureBytes;
        try { signatureBytes = Convert.FromBase64String(signature.Signature); }
        catch (FormatException) { signatureBytes = []; }
        if (!Sm2.Verify(seal.PublicKey, Sm3.Hash(manifest), signatureBytes))
            failures.Add(new(Authenticity, ArchiveLayout.Manifest, "the SM2 signature of the manifest does not verify / 固化清单的SM2签名验证失败"));
    }

    /// <summary>The entry's bytes, or null when it would inflate beyond <paramref name="budget"/> (declared or actual size).</summary>
    private static async Task<byte[]?> InflateAsync(ZipArchiveEntry entry, long budget)
    {
        if (entry.Length > budget) return null;
        await using var stream = entry.Open();
        using var copy = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = await stream.ReadAsync(chunk)) > 0)
        {
            if (copy.Length + n > budget) return null;
            copy.Write(chunk, 0, n);
        }
        return copy.ToArray();
    }

    private static bool SafeName(string name) =>
        name.Length is > 0 and < 200 && !name.StartsWith('/') && !name.Contains('\\') && !name.Split('/').Any(p => p is "" or "." or "..")
        && ArchiveLayout.AllowedExtensions.Contains(Path.GetExtension(name), StringComparer.Ordinal);

    private static bool ParsesAsJson(byte[] bytes)
    {
        try { using var _ = JsonDocument.Parse(bytes); return true; }
        catch (JsonException) { return false; }
    }

    private static bool LooksLikePdf(byte[] bytes) =>
        bytes.AsSpan().StartsWith("%PDF-"u8) && bytes.AsSpan(Math.Max(0, bytes.Length - 1024)).IndexOf("%%EOF"u8) >= 0;

    private static ArchiveCheckResult Result(List<ArchiveFailure> a, List<ArchiveFailure> i, List<ArchiveFailure> u, List<ArchiveFailure> s) =>
        new(a.Count + i.Count + u.Count + s.Count == 0,
            CheckOutcome.Of(Authenticity, a), CheckOutcome.Of(Integrity, i), CheckOutcome.Of(Usability, u), CheckOutcome.Of(Security, s));
}

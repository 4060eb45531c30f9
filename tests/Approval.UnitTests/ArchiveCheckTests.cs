using System.IO.Compression;
using System.Text;
using Approval.Licences.Archives;
using Approval.Licences.Domain;
using Approval.Licences.Sealing;

namespace Approval.UnitTests;

/// <summary>The four checks of an archive package, and that each failure names its file.</summary>
public sealed class ArchiveCheckTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);
    private readonly KeyProtector protector = new(Convert.FromHexString("0123456789abcdeffedcba9876543210"));
    private readonly Seal root;
    private readonly Seal archiveSeal;
    private readonly Dictionary<string, byte[]> files = new()
    {
        ["application/progress.json"] = Encoding.UTF8.GetBytes("""{"application":{"projectName":"示范区科创园一期"}}"""),
        ["licences/a.pdf"] = Encoding.ASCII.GetBytes("%PDF-1.7\n...\n%%EOF\n"),
        ["metadata.json"] = Encoding.UTF8.GetBytes("""{"title":"审批档案"}"""),
    };

    public ArchiveCheckTests()
    {
        root = SealFactory.Create(protector, Seal.RootHolder, "根", "", "", 1, Now.AddDays(-1), Now.AddYears(20), null);
        archiveSeal = SealFactory.Create(protector, Seal.ArchiveHolder, "档案专用章", "综合服务窗口", "", 1, Now.AddDays(-1), Now.AddYears(3), root);
    }

    private byte[] Package(Seal? seal = null) => ArchivePackager.Pack(files, seal ?? archiveSeal, new SealSigner(protector), Now);

    private Task<ArchiveCheckResult> CheckAsync(byte[] package) =>
        ArchiveChecker.CheckAsync(package, id => Task.FromResult<Seal?>(id == archiveSeal.Id ? archiveSeal : id == root.Id ? root : null),
            () => Task.FromResult<Seal?>(root));

    [Fact]
    public async Task A_sealed_package_passes_all_four_checks()
    {
        var result = await CheckAsync(Package());
        Assert.True(result.Passed, string.Join("; ", result.Failures.Select(f => $"{f.File}: {f.Reason}")));
    }

    [Fact]
    public async Task A_file_changed_after_sealing_is_named_by_the_integrity_check()
    {
        var package = Rewrite(Package(), "metadata.json", Encoding.UTF8.GetBytes("""{"title":"改过的档案"}"""));
        var result = await CheckAsync(package);
        Assert.False(result.Passed);
        Assert.Equal(["metadata.json"], result.Integrity.Failures.Select(f => f.File));
        Assert.True(result.Authenticity.Passed);
    }

    [Fact]
    public async Task A_rewritten_manifest_fails_authenticity()
    {
        var forgedManifest = Encoding.UTF8.GetBytes(string.Concat(files.OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => $"{Sm3.Hex(f.Value)}  {f.Key}\n")) + $"{Sm3.Hex([1])}  extra.json\n");
        var result = await CheckAsync(Rewrite(Package(), ArchiveLayout.Manifest, forgedManifest));
        Assert.Contains(result.Authenticity.Failures, f => f.File == ArchiveLayout.Manifest);
        Assert.Contains(result.Integrity.Failures, f => f.File == "extra.json");
    }

    [Fact]
    public async Task A_package_sealed_by_an_uncertified_seal_fails_authenticity()
    {
        var stranger = SealFactory.Create(protector, Seal.ArchiveHolder, "伪造章", "x", "", 9, Now.AddDays(-1), Now.AddYears(1), null);
        var result = await ArchiveChecker.CheckAsync(Package(stranger), _ => Task.FromResult<Seal?>(stranger), () => Task.FromResult<Seal?>(root));
        Assert.False(result.Authenticity.Passed);
        Assert.NotEmpty(result.Authenticity.Failures);
        Assert.All(result.Authenticity.Failures, f => Assert.Equal(ArchiveLayout.ManifestSignature, f.File));
    }

    [Fact]
    public async Task Unsafe_paths_unlisted_files_and_unusable_formats_are_named()
    {
        files["licences/b.pdf"] = Encoding.ASCII.GetBytes("not a pdf");
        var package = Package();
        package = Rewrite(package, "../escape.json", "{}"u8.ToArray());
        package = Rewrite(package, "notes.json", "{}"u8.ToArray());
        var result = await CheckAsync(package);
        Assert.Contains(result.Security.Failures, f => f.File == "../escape.json");
        Assert.Contains(result.Security.Failures, f => f.File == "notes.json");
        Assert.Equal(["licences/b.pdf"], result.Usability.Failures.Select(f => f.File));
    }

    [Fact]
    public async Task Bytes_that_are_not_a_zip_are_reported_for_the_whole_package()
    {
        var result = await CheckAsync(Encoding.ASCII.GetBytes("definitely not a zip"));
        Assert.Equal([ArchiveLayout.WholePackage], result.Integrity.Failures.Select(f => f.File));
    }

    /// <summary>The package with one file replaced or added, everything else as it was.</summary>
    private static byte[] Rewrite(byte[] package, string name, byte[] content)
    {
        var entries = new List<KeyValuePair<string, byte[]>>();
        using (var zip = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read))
        {
            foreach (var e in zip.Entries)
            {
                using var s = e.Open();
                using var copy = new MemoryStream();
                s.CopyTo(copy);
                if (e.FullName != name) entries.Add(new(e.FullName, copy.ToArray()));
            }
        }
        entries.Add(new(name, content));
        return ArchivePackager.Zip(entries);
    }
}

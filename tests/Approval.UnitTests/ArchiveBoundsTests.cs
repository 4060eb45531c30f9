using System.IO.Compression;
using Approval.Licences.Archives;
using Approval.Licences.Domain;

namespace Approval.UnitTests;

/// <summary>Issue 13: the archive check inflates a package only within its bounds (zip bomb), and says which bound.</summary>
public sealed class ArchiveBoundsTests
{
    private static Task<ArchiveCheckResult> CheckAsync(byte[] package) =>
        ArchiveChecker.CheckAsync(package, _ => Task.FromResult<Seal?>(null), () => Task.FromResult<Seal?>(null));

    private static byte[] Zip(int entries, long bytesPerEntry)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < entries; i++)
            {
                using var stream = zip.CreateEntry($"licences/{i}.json", CompressionLevel.Fastest).Open();
                for (long written = 0; written < bytesPerEntry; written += zeros.Length)
                    stream.Write(zeros, 0, (int)Math.Min(zeros.Length, bytesPerEntry - written));
            }
        }
        return output.ToArray();
    }

    [Fact]
    public async Task A_package_inflating_beyond_the_size_limit_fails_security_naming_the_limit()
    {
        var result = await CheckAsync(Zip(3, ArchiveChecker.MaxUncompressedBytes / 2));
        var failure = Assert.Single(result.Security.Failures);
        Assert.Equal("licences/2.json", failure.File);
        Assert.Contains("100 MiB", failure.Reason);
        Assert.False(result.Passed);
    }

    [Fact]
    public async Task A_package_of_more_entries_than_the_limit_fails_security_before_reading_any()
    {
        var result = await CheckAsync(Zip(ArchiveChecker.MaxEntries + 1, 0));
        var failure = Assert.Single(result.Security.Failures);
        Assert.Equal(ArchiveLayout.WholePackage, failure.File);
        Assert.Contains($"{ArchiveChecker.MaxEntries}", failure.Reason);
    }
}

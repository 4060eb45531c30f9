using System.Security.Cryptography;
using Approval.Intake.Materials;

namespace Approval.UnitTests;

/// <summary>The disk store names files itself, records SHA-256 and size, and reads back what it wrote.</summary>
public sealed class DiskMaterialStoreTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), $"materials-{Guid.NewGuid():N}");

    [Fact]
    public async Task A_saved_material_reads_back_identically_under_a_server_made_name_with_its_sha256()
    {
        var content = RandomNumberGenerator.GetBytes(200_000);
        var store = new DiskMaterialStore(root, TimeProvider.System);
        var stored = await store.SaveAsync(new MemoryStream(content), CancellationToken.None);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), stored.Sha256);
        Assert.Equal(content.Length, stored.Size);
        Assert.Matches(@"^\d{6}/[0-9a-f]{32}\.bin$", stored.StorageName);
        await using var read = store.OpenRead(stored.StorageName);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        Assert.Equal(content, copy.ToArray());
        Assert.Empty(Directory.GetFiles(root, "*.part", SearchOption.AllDirectories));
    }

    [Fact]
    public void A_storage_name_cannot_leave_the_store()
    {
        var store = new DiskMaterialStore(root, TimeProvider.System);
        Assert.Throws<InvalidOperationException>(() => store.OpenRead("../../etc/passwd"));
    }

    public void Dispose()
    {
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
    }
}

namespace Approval.Intake.Materials;

/// <summary>
/// Where material content lives. The store makes the storage name (never the client's file name) and reports the
/// SHA-256 and size it wrote. <see cref="DiskMaterialStore"/> keeps files under a configured folder; a PostgreSQL
/// large-object store would implement the same contract.
/// </summary>
public interface IMaterialStore
{
    Task<StoredMaterial> SaveAsync(Stream content, CancellationToken ct);

    /// <summary>The content for reading; the caller disposes it.</summary>
    Stream OpenRead(string storageName);
}

public sealed record StoredMaterial(string StorageName, long Size, string Sha256);

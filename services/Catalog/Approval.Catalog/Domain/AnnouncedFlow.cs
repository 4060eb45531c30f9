namespace Approval.Catalog.Domain;

/// <summary>
/// A flow code and version already announced as CatalogFlowPublished. Flows are replaced on every pack import; this
/// remembers what was sent, so a re-import of the same pack announces nothing and a new version is announced once.
/// </summary>
public sealed class AnnouncedFlow
{
    public required string Code { get; init; }
    public required int Version { get; init; }
    public DateTimeOffset AnnouncedAt { get; init; }
}

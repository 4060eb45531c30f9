namespace Approval.Licences.Domain;

/// <summary>A sealed archive package (GB/T 18894 spirit) built for one application: a ZIP with a manifest.</summary>
public sealed class ArchivePackage
{
    public Guid Id { get; init; }
    public Guid ApplicationId { get; init; }
    /// <summary>The application's region (行政区划代码): only that region's window may download the package.</summary>
    public string RegionCode { get; init; } = "";
    public required string ProjectCode { get; init; }
    public required string CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public required string PackageDigest { get; init; }
    public required byte[] Package { get; init; }
}

namespace Approval.Intake.Domain;

/// <summary>
/// An uploaded file (电子材料), owned by its uploader — or a delivered one (a review result, an intermediary's
/// deliverable), owned by the applicant it was made for. Stored once under a server-made name; every later application
/// refers to it by id, never by a second upload.
/// </summary>
public sealed class Material
{
    public Guid Id { get; init; }
    public required string OwnerId { get; init; }
    public required string RegionCode { get; init; }
    public required string FileName { get; init; }
    public required string ContentType { get; init; }
    public long Size { get; init; }
    /// <summary>SHA-256 of the content, lower-case hex.</summary>
    public required string Sha256 { get; init; }
    /// <summary>The name the store gave it; never derived from the client's file name.</summary>
    public required string StorageName { get; init; }
    public DateTimeOffset UploadedAt { get; init; }

    /// <summary>Set for a material another service delivered to its owner (a review result, an intermediary's report):
    /// the service and its record (e.g. "reviews:…"), the material-list entry it serves, the project it belongs to.</summary>
    public string? Source { get; init; }
    public string? DeliveredName { get; init; }
    public string? ProjectCode { get; init; }
    public string? EngineeringCode { get; init; }
    public string? SealCode { get; init; }

    /// <summary>The window officer who uploaded it for its owner (窗口代收纸质材料扫描件, R-7.2); null when the owner uploaded it.</summary>
    public string? UploadedBy { get; init; }
}

namespace Approval.Intake.Domain;

/// <summary>
/// A stage application saved before submission (草稿). It has no status code of the national table and is not a
/// received application: the window never sees it. Content is the submission request as JSON, resumed as saved.
/// </summary>
public sealed class ApplicationDraft
{
    public Guid Id { get; init; }
    public required string ApplicantId { get; init; }
    public required string RegionCode { get; init; }
    public required string Content { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public uint Version { get; private set; }
}

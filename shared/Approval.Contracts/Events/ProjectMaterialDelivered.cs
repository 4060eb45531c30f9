namespace Approval.Contracts.Events;

/// <summary>
/// A result or deliverable became the applicant's e-material: a review agency's 审查合格书, an
/// intermediary's report … sealed by its maker. Intake keeps it as a material owned by <paramref name="OwnerId"/>, which
/// the applicant attaches to a later application by reference, never by upload. <paramref name="Name"/> is the material-list
/// entry it serves (e.g. 施工图审查合格书); <paramref name="Source"/> the publishing service and
/// <paramref name="SourceReference"/> its record there (e.g. reviews, the review's id). The content travels with the event
/// (at most <see cref="MaxContentBytes"/>).
/// </summary>
public sealed record ProjectMaterialDelivered(
    Guid DeliveryId,
    string RegionCode,
    string OwnerId,
    string ProjectCode,
    string? EngineeringCode,
    string Name,
    string FileName,
    string ContentType,
    string Sha256,
    byte[] Content,
    string Source,
    string SourceReference,
    string? SealCode,
    DateTimeOffset DeliveredAt)
{
    public const int MaxContentBytes = 20 * 1024 * 1024;
}

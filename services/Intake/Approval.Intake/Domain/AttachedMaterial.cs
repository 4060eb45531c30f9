namespace Approval.Intake.Domain;

/// <summary>
/// A material of an application for one entry of its items' material lists: an uploaded material or an e-licence
/// the applicant holds (by reference, from the licence library). Exactly one of MaterialId and LicenceId is set.
/// </summary>
public sealed class AttachedMaterial
{
    public long Id { get; init; }
    public Guid ApplicationId { get; init; }
    /// <summary>The material's name in the catalog's material list (e.g. 施工合同).</summary>
    public required string Name { get; init; }
    public Guid? MaterialId { get; init; }
    public Guid? LicenceId { get; init; }
    public string? LicenceIdentifier { get; init; }
    public DateTimeOffset AttachedAt { get; init; }
}

namespace Approval.Catalog.Domain;

/// <summary>事项: one approval item of a stage, decided by one department within a limit of working days.</summary>
public sealed class Item
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required int StageNo { get; init; }
    public required string DepartmentCode { get; init; }
    public required int TimeLimitWorkingDays { get; init; }
    /// <summary>GB/T 36904 licence type code of the certificate an approval yields; null when it yields none.</summary>
    public string? LicenceTypeCode { get; init; }
    public string? LicenceName { get; init; }
}

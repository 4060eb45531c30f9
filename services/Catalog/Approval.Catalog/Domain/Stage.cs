namespace Approval.Catalog.Domain;

/// <summary>审批阶段, numbered by the standard stage numbers 1–5 (DOMAIN.md).</summary>
public sealed class Stage
{
    public required int No { get; init; }
    public required string Name { get; init; }
    public required int TimeLimitWorkingDays { get; init; }
}

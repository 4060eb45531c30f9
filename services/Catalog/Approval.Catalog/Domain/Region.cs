namespace Approval.Catalog.Domain;

/// <summary>The region (行政区划代码, GB/T 2260) this deployment serves.</summary>
public sealed class Region
{
    public required string Code { get; init; }
    public required string Name { get; init; }
}

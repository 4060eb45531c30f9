namespace Approval.Projects.Domain;

/// <summary>A phase or batch of a project with its engineering code (工程代码) and the link to the previous phase's code.</summary>
public sealed class Engineering
{
    public Guid Id { get; init; }
    public Guid ProjectId { get; init; }
    public required string Code { get; init; }
    public required string ProjectCode { get; init; }
    public int PhaseNo { get; init; }
    public required string Name { get; init; }
    /// <summary>前阶段关联工程代码: null for the first phase.</summary>
    public string? PreviousCode { get; init; }
    public DateTimeOffset IssuedAt { get; init; }
}

namespace Approval.Contracts.Events;

/// <summary>
/// An engineering code (工程代码) was generated for a phase or batch of a project; it links to the previous
/// phase's code (前阶段关联工程代码), null for the first.
/// </summary>
public sealed record EngineeringCodeIssued(
    string EngineeringCode,
    string ProjectCode,
    string RegionCode,
    string EngineeringName,
    int PhaseNo,
    string? PreviousEngineeringCode,
    string OwnerId,
    DateTimeOffset IssuedAt);

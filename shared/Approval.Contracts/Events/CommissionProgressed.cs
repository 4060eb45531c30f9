namespace Approval.Contracts.Events;

/// <summary>A commission's step with its time: Step is started (开始), milestone (节点, Name says which) or ended (完成).</summary>
public sealed record CommissionProgressed(
    Guid CommissionId, string RegionCode, string OwnerId, string ProjectCode, string EngineeringCode, Guid AgencyId,
    string Step, string? Name, DateTimeOffset At);

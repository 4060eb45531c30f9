namespace Approval.Contracts.Events;

/// <summary>
/// An applicant selected (选取) an intermediary agency for a service of a project phase: Method is direct, random-draw or
/// lowest-quote; a draw's Seed and ordered Candidates let anyone re-run it. The commission (委托) is offered at once.
/// </summary>
public sealed record AgencySelected(
    Guid SelectionId, Guid CommissionId, string RegionCode, string OwnerId, string ProjectCode, string EngineeringCode,
    string ServiceType, string Method, Guid AgencyId, string AgencyName, string? Seed, IReadOnlyList<string> Candidates, DateTimeOffset SelectedAt);

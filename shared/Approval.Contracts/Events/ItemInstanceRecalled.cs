namespace Approval.Contracts.Events;

/// <summary>
/// 撤回: a department recalled its own decision on an item instance within the region's grace period; the item is open
/// again and will be decided anew. Licences withdraws the certificate issued for the recalled approval (LicenceTypeCode
/// not null and WasApproved), and forgets the conclusion so the new decision is recorded afresh.
/// </summary>
public sealed record ItemInstanceRecalled(
    Guid ItemInstanceId,
    Guid ApplicationId,
    string RegionCode,
    string ItemCode,
    string ItemName,
    string DepartmentCode,
    string DepartmentName,
    string? LicenceTypeCode,
    bool WasApproved,
    string Reason,
    string Actor,
    DateTimeOffset RecalledAt);

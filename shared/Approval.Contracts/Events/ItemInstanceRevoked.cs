namespace Approval.Contracts.Events;

/// <summary>
/// 撤销: a department revoked its approval of an item instance (e.g. a commitment not fulfilled). Licences revokes the
/// certificate issued for the item instance, if the item yields one (LicenceTypeCode not null).
/// </summary>
public sealed record ItemInstanceRevoked(
    Guid ItemInstanceId,
    Guid ApplicationId,
    string RegionCode,
    string ItemCode,
    string ItemName,
    string DepartmentCode,
    string DepartmentName,
    string? LicenceTypeCode,
    string Reason,
    string Actor,
    DateTimeOffset RevokedAt);

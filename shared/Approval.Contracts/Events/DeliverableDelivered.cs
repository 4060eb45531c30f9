namespace Approval.Contracts.Events;

/// <summary>
/// The commissioned agency delivered a sealed deliverable (服务成果) for a project phase; Name is the material-list entry it
/// serves. Its content reaches Intake as <c>ProjectMaterialDelivered</c>; this record carries only its identity.
/// </summary>
public sealed record DeliverableDelivered(
    Guid DeliverableId, Guid CommissionId, string RegionCode, string OwnerId, string ProjectCode, string EngineeringCode,
    Guid AgencyId, string Name, string FileName, string Sha256, string SealCode, DateTimeOffset DeliveredAt);

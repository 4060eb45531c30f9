namespace Approval.Contracts.Events;

/// <summary>办结: a department concluded an item instance. Licences issues a certificate when it is approved and the item yields one.</summary>
public sealed record ItemInstanceConcluded(
    Guid ItemInstanceId,
    Guid ApplicationId,
    string RegionCode,
    string ProjectCode,
    string ProjectName,
    string Holder,
    string ItemCode,
    string ItemName,
    bool Approved,
    string Opinion,
    string DepartmentCode,
    string DepartmentName,
    string DepartmentCreditCode,
    string? LicenceTypeCode,
    string? LicenceName,
    DateTimeOffset ConcludedAt);

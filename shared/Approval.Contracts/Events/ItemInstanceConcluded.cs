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
    DateTimeOffset ConcludedAt,
    // The holder's identity (the applicant account and its credit code / ID number): what the licence is matched by.
    // Holder stays the display name printed on the certificate.
    string HolderId = "",
    string? HolderNumber = null);

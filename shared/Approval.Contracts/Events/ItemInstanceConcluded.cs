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
    string? HolderNumber = null,
    // 照面信息 as the department concluded them (the application's values and its corrections) and the type's 有效期 in
    // months from issue (null: 长期); what the certificate states and its seal covers.
    IReadOnlyList<Licences.LicenceField>? LicenceContent = null,
    int? LicenceValidityMonths = null);

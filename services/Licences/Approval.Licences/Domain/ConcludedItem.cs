namespace Approval.Licences.Domain;

/// <summary>
/// An item instance a department concluded (ItemInstanceConcluded), kept so a department system may issue its certificate
/// (POST /api/licences) only for an item routed to it and concluded approved, with the holder, application, project and
/// region of the item rather than of the request.
/// </summary>
public sealed class ConcludedItem
{
    public Guid ItemInstanceId { get; init; }
    public Guid ApplicationId { get; init; }
    public required string RegionCode { get; init; }
    public required string ProjectCode { get; init; }
    public required string ProjectName { get; init; }
    public required string Holder { get; init; }
    public required string HolderId { get; init; }
    public string? HolderNumber { get; init; }
    public required string ItemCode { get; init; }
    public required string ItemName { get; init; }
    public bool Approved { get; init; }
    public required string Opinion { get; init; }
    public required string DepartmentCode { get; init; }
    public required string DepartmentName { get; init; }
    public required string DepartmentCreditCode { get; init; }
    public string? LicenceTypeCode { get; init; }
    public string? LicenceName { get; init; }
    public DateTimeOffset ConcludedAt { get; init; }
    /// <summary>照面信息 as concluded (empty: none declared) and the type's 有效期 in months from issue (null: 长期).</summary>
    public List<Approval.Contracts.Licences.LicenceField> Content { get; init; } = [];
    public int? ValidityMonths { get; init; }
    /// <summary>撤销 of the approval (ItemInstanceRevoked): no certificate may be issued for it any more.</summary>
    public DateTimeOffset? RevokedAt { get; set; }
}

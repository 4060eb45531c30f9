namespace Approval.Licences.Domain;

/// <summary>An e-licence (电子证照) issued for an approved item instance.</summary>
public sealed class Licence
{
    public Guid Id { get; init; }
    public required string Identifier { get; init; }
    public required string TypeCode { get; init; }
    public required string LicenceName { get; init; }
    public required string IssuerCode { get; init; }
    public required string IssuerName { get; init; }
    public required string IssuerCreditCode { get; init; }
    public required string Holder { get; init; }
    public required string ProjectCode { get; init; }
    public required string ProjectName { get; init; }
    public required string RegionCode { get; init; }
    public Guid ItemInstanceId { get; init; }
    public Guid ApplicationId { get; init; }
    public required string ItemCode { get; init; }
    public required string Decision { get; init; }
    public DateTimeOffset IssuedAt { get; init; }
}

namespace Approval.Contracts.Events;

/// <summary>An e-licence (电子证照) was issued for an approved item instance.</summary>
public sealed record LicenceIssued(
    Guid LicenceId,
    string Identifier,
    string LicenceName,
    Guid ItemInstanceId,
    Guid ApplicationId,
    string ItemCode,
    string IssuerName,
    DateTimeOffset IssuedAt);

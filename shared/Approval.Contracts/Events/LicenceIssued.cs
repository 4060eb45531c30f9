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
    DateTimeOffset IssuedAt,
    // The licence's validity end (null: no expiry, the data exchange sends 9999-01-01) and the region it was issued in.
    DateTimeOffset? ValidTo = null,
    string? RegionCode = null,
    // The licence type (GB/T 36904 code) and its 照面信息 as sealed: later applications of the project reuse them.
    string? TypeCode = null,
    IReadOnlyList<Licences.LicenceField>? Content = null);

namespace Approval.Contracts.Events;

/// <summary>撤销: an e-licence was revoked; every service relying on it (reuse as material, progress) must stop treating it as valid.</summary>
public sealed record LicenceRevoked(
    Guid LicenceId,
    string Identifier,
    string LicenceName,
    Guid ApplicationId,
    string Holder,
    string IssuerName,
    string Reason,
    DateTimeOffset RevokedAt);

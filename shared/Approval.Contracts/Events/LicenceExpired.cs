namespace Approval.Contracts.Events;

/// <summary>An e-licence reached the end of its validity (已过期); services relying on it must stop treating it as valid.</summary>
public sealed record LicenceExpired(
    Guid LicenceId,
    string Identifier,
    string LicenceName,
    Guid ApplicationId,
    string Holder,
    DateTimeOffset ValidTo);

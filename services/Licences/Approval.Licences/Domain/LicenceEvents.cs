using Approval.Contracts.Events;

namespace Approval.Licences.Domain;

/// <summary>The integration events a licence's changes raise.</summary>
public static class LicenceEvents
{
    public static LicenceRevoked Revoked(Licence l) =>
        new(l.Id, l.Identifier, l.LicenceName, l.ApplicationId, l.Holder, l.IssuerName, l.RevocationReason!, l.RevokedAt!.Value);
}

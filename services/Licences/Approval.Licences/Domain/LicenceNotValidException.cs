namespace Approval.Licences.Domain;

/// <summary>409: the licence is revoked or expired and cannot be revoked again.</summary>
public sealed class LicenceNotValidException(string identifier, LicenceStatus status)
    : DomainException($"Licence {identifier} is {status.Code()}; only a valid licence can be revoked.",
        $"证照{identifier}状态为“{status.ChineseName()}”，只有有效证照可以撤销。");

using Approval.Contracts.Errors;

namespace Approval.Licences.Domain;

/// <summary>409: the issuing department has no seal in force, so nothing can be sealed in its name.</summary>
public sealed class NoValidSealException(string departmentCode)
    : DomainException($"Department {departmentCode} has no valid e-seal; provision one (POST /api/licences/seals) before issuing.",
        $"部门{departmentCode}没有有效的电子印章，请先制发印章后再出证。");

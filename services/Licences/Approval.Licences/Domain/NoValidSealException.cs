namespace Approval.Licences.Domain;

/// <summary>409: the issuing department has no seal in force, so nothing can be sealed in its name.</summary>
public sealed class NoValidSealException(string departmentCode)
    : DomainException($"Department {departmentCode} has no valid e-seal; the region admin provisions one (POST /api/licences/seals) before it can issue.",
        $"部门{departmentCode}没有有效的电子印章，请区域管理员先制发印章后再出证。");

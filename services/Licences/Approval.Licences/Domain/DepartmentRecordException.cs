namespace Approval.Licences.Domain;

/// <summary>409: the organisation record of the department has no valid 统一社会信用代码, so no seal can certify it.</summary>
public sealed class DepartmentRecordException(string departmentCode)
    : DomainException($"The organisation record of department {departmentCode} has no valid unified social credit code (GB 32100); fix the region pack first.",
        $"部门{departmentCode}的机构信息缺少有效的统一社会信用代码，请先更正区域配置包。");

namespace Approval.Catalog.Domain;

/// <summary>审批服务单位: a department that decides items, with its unified social credit code.</summary>
public sealed class Department
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required string CreditCode { get; init; }
}

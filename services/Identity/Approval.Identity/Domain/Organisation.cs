namespace Approval.Identity.Domain;

/// <summary>An organisation of a region: a department (审批服务单位), the comprehensive window, a review agency…</summary>
public sealed class Organisation
{
    public required string RegionCode { get; init; }
    public required string Code { get; init; }
    public required string Name { get; set; }
    public required string Kind { get; set; }
    public string? CreditCode { get; set; }
}

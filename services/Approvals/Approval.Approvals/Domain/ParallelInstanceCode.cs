namespace Approval.Approvals.Domain;

/// <summary>
/// 并联审批实例编码 (DOMAIN.md: no public national format; the rule used here): region code + local
/// acceptance date (yyyyMMdd) + 6-digit serial, e.g. 32019320261125000042.
/// </summary>
public static class ParallelInstanceCode
{
    public static string Create(string regionCode, DateOnly acceptedOn, long serial) =>
        $"{regionCode}{acceptedOn:yyyyMMdd}{serial % 1_000_000:D6}";
}

namespace Approval.Marketplace.Domain;

/// <summary>
/// A qualification certificate (资质证书) of an agency: its type and level, the issuing authority, the certificate number,
/// the validity (有效期) and the service types it covers. Suspended (暂停) is set by the region admin.
/// </summary>
public sealed record Qualification(
    string Type, string Level, string Authority, string Number, DateOnly ValidFrom, DateOnly ValidTo, List<string> Covers, bool Suspended = false)
{
    public bool IsValidOn(DateOnly day) => !Suspended && ValidFrom <= day && day <= ValidTo;
}

/// <summary>An agency's status: 待审核 after (re-)registration, 已认证 once the region admin verified it, 未通过 when refused.</summary>
public enum AgencyStatus
{
    Pending = 1,
    Verified = 2,
    Rejected = 3,
}

public static class AgencyStatusNames
{
    public static string ChineseName(this AgencyStatus status) => status switch
    {
        AgencyStatus.Pending => "待审核",
        AgencyStatus.Verified => "已认证",
        AgencyStatus.Rejected => "未通过",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}

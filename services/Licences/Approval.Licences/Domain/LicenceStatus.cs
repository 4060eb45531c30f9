namespace Approval.Licences.Domain;

/// <summary>有效 / 已撤销 / 已过期; the verification also answers "unknown" for an identifier nobody issued.</summary>
public enum LicenceStatus
{
    Valid,
    Revoked,
    Expired,
}

public static class LicenceStatusNames
{
    public static string Code(this LicenceStatus s) => s.ToString().ToLowerInvariant();

    public static string ChineseName(this LicenceStatus s) => s switch
    {
        LicenceStatus.Valid => "有效",
        LicenceStatus.Revoked => "已撤销",
        LicenceStatus.Expired => "已过期",
        _ => throw new ArgumentOutOfRangeException(nameof(s)),
    };
}

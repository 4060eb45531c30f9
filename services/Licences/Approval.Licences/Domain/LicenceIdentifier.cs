using System.Text.RegularExpressions;

namespace Approval.Licences.Domain;

/// <summary>
/// 电子证照标识 (GB/T 36904): 1.2.156.3005.2.{type code}.{issuer credit code}.{serial}.{3-digit version}.{check},
/// the check character being ISO 7064 MOD 37,36 over type code, issuer code, serial and version with the dots
/// left out (not over the fixed prefix).
/// </summary>
public static partial class LicenceIdentifier
{
    public const string Prefix = "1.2.156.3005.2";

    [GeneratedRegex(@"^1\.2\.156\.3005\.2\.([0-9A-Z]+)\.([0-9A-Z]{18})\.([0-9A-Z]+)\.(\d{3})\.([0-9A-Z])$")]
    private static partial Regex Shape();

    public static string Create(string typeCode, string issuerCreditCode, string serial, int version)
    {
        if (version is < 1 or > 999) throw new ArgumentOutOfRangeException(nameof(version), "version is 001–999");
        var v = version.ToString("D3");
        var check = Mod37_36.Compute(typeCode + issuerCreditCode + serial + v);
        return $"{Prefix}.{typeCode}.{issuerCreditCode}.{serial}.{v}.{check}";
    }

    /// <summary>Throws the 400 naming the broken rule (shape or check character) unless the identifier is valid.</summary>
    public static void EnsureValid(string identifier)
    {
        if (Problem(identifier) is { } problem) throw Approval.Contracts.Errors.ValidationException.For("identifier", problem, "证照标识不合规");
    }

    /// <summary>Null when the identifier is well formed and its check character right; otherwise what is wrong.</summary>
    public static string? Problem(string identifier)
    {
        var m = Shape().Match(identifier);
        if (!m.Success)
            return "must be 1.2.156.3005.2.{type}.{18-char issuer code}.{serial}.{3-digit version}.{check} / 证照标识格式不正确";
        var expected = Mod37_36.Compute(m.Groups[1].Value + m.Groups[2].Value + m.Groups[3].Value + m.Groups[4].Value);
        return m.Groups[5].Value[0] == expected
            ? null
            : $"check character must be '{expected}' (ISO 7064 MOD 37,36) / 校验码错误，应为“{expected}”（ISO 7064 MOD 37,36）";
    }
}

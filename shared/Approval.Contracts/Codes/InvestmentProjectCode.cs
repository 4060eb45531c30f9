using System.Text.RegularExpressions;

namespace Approval.Contracts.Codes;

/// <summary>
/// 项目代码 (DOMAIN.md): 24 characters in the pattern NNNN-NNNNNN-NN-NN-NNNNNN (time, region, guiding
/// department/industry, project type, serial + check). Its region segment must lie in the deployment's region:
/// the region code without its trailing "00" pairs is a prefix of the segment (320100 covers 320193).
/// Codes are issued by the investment platform; this only checks them, it never makes one.
/// </summary>
public static partial class InvestmentProjectCode
{
    [GeneratedRegex(@"^\d{4}-\d{6}-\d{2}-\d{2}-\d{6}$")]
    private static partial Regex Pattern();

    /// <summary>Null when valid; otherwise the broken rule in English and Chinese.</summary>
    public static string? Problem(string? code, string regionCode)
    {
        if (string.IsNullOrWhiteSpace(code) || !Pattern().IsMatch(code))
            return "must match NNNN-NNNNNN-NN-NN-NNNNNN (24 characters) / 项目代码格式应为NNNN-NNNNNN-NN-NN-NNNNNN（24位）";
        return InRegion(RegionSegment(code), regionCode)
            ? null
            : $"region segment {RegionSegment(code)} must lie in region {regionCode} / 项目代码的区划段（{RegionSegment(code)}）不属于本地区（{regionCode}）";
    }

    /// <summary>The 6-digit administrative division segment of a well-formed code.</summary>
    public static string RegionSegment(string code) => code.Substring(5, 6);

    /// <summary>True when the 6-digit division code lies inside the region (GB/T 2260 hierarchy by prefix).</summary>
    public static bool InRegion(string divisionCode, string regionCode)
    {
        var prefix = regionCode;
        while (prefix.EndsWith("00", StringComparison.Ordinal) && prefix.Length > 2) prefix = prefix[..^2];
        return divisionCode.Length == 6 && divisionCode.All(char.IsAsciiDigit) && divisionCode.StartsWith(prefix, StringComparison.Ordinal);
    }
}

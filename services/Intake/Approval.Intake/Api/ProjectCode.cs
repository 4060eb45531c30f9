using System.Text.RegularExpressions;

namespace Approval.Intake.Api;

/// <summary>
/// 项目代码 (DOMAIN.md): 24 characters, NNNN-NNNNNN-NN-NN-NNNNNN; its region segment must lie in this
/// deployment's region (the region code without its trailing "00" pairs is a prefix of the segment).
/// </summary>
public static partial class ProjectCode
{
    [GeneratedRegex(@"^\d{4}-\d{6}-\d{2}-\d{2}-\d{6}$")]
    private static partial Regex Pattern();

    public static string? Problem(string? code, string regionCode)
    {
        if (string.IsNullOrWhiteSpace(code) || !Pattern().IsMatch(code))
            return "must match NNNN-NNNNNN-NN-NN-NNNNNN (24 characters) / 项目代码格式应为NNNN-NNNNNN-NN-NN-NNNNNN";
        var prefix = regionCode;
        while (prefix.EndsWith("00", StringComparison.Ordinal) && prefix.Length > 2) prefix = prefix[..^2];
        return code.Substring(5, 6).StartsWith(prefix, StringComparison.Ordinal)
            ? null
            : $"region segment must lie in region {regionCode} / 项目代码的区划段不属于本地区（{regionCode}）";
    }
}

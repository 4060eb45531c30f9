using System.Text.RegularExpressions;

namespace Approval.Contracts.Codes;

/// <summary>A mainland China mobile number (手机号码) as SMS notices are sent to: 11 digits, 1 then 3–9.</summary>
public static partial class MobileNumber
{
    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex Pattern();

    public static bool IsValid(string? number) => number is not null && Pattern().IsMatch(number);
}

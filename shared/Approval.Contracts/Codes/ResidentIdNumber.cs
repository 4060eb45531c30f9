using System.Globalization;

namespace Approval.Contracts.Codes;

/// <summary>
/// 公民身份号码 (GB 11643): 6-digit division code, 8-digit birth date, 3-digit sequence and a check
/// character: (12 − Σ digit·(2^(17−i) mod 11)) mod 11, written 0–9 or X for 10.
/// </summary>
public static class ResidentIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string Checks = "10X98765432";

    public static char CheckCharacter(string first17)
    {
        if (first17.Length != 17 || !first17.All(char.IsAsciiDigit)) throw new ArgumentException("17 digits are needed", nameof(first17));
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * Weights[i];
        return Checks[sum % 11];
    }

    /// <summary>Null when valid; otherwise the broken rule in English and Chinese.</summary>
    public static string? Problem(string? number)
    {
        if (number is null || number.Length != 18 || !number[..17].All(char.IsAsciiDigit) || !(char.IsAsciiDigit(number[17]) || number[17] == 'X'))
            return "must be 17 digits and a check digit or X (GB 11643) / 身份证号应为17位数字加1位校验码";
        if (!DateOnly.TryParseExact(number.Substring(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth) || birth.Year < 1900)
            return "contains no valid birth date (GB 11643) / 身份证号中的出生日期无效";
        var expected = CheckCharacter(number[..17]);
        return number[17] == expected ? null : $"check character must be '{expected}' (GB 11643) / 身份证号校验码错误，应为“{expected}”";
    }
}

namespace Approval.Contracts.Codes;

/// <summary>
/// 统一社会信用代码 (GB 32100): 18 characters from 0–9 and A–Z without I, O, S, V, Z; the last is a
/// check character: 31 − (Σ value·weight mod 31), 31 → 0, weights 3^i mod 31.
/// </summary>
public static class UnifiedSocialCreditCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>The check character of the first 17 characters.</summary>
    public static char CheckCharacter(string first17)
    {
        if (first17.Length != 17) throw new ArgumentException("17 characters are needed", nameof(first17));
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(first17[i]);
            if (value < 0) throw new ArgumentException($"'{first17[i]}' is not allowed in a credit code", nameof(first17));
            sum += value * Weights[i];
        }
        var check = 31 - sum % 31;
        return Alphabet[check == 31 ? 0 : check];
    }

    /// <summary>Null when valid; otherwise the broken rule in English and Chinese.</summary>
    public static string? Problem(string? code)
    {
        if (code is null || code.Length != 18 || code.Any(c => Alphabet.IndexOf(c) < 0))
            return "must be 18 characters of 0-9 and A-Z without I, O, S, V, Z (GB 32100) / 统一社会信用代码应为18位，不含I、O、S、V、Z";
        var expected = CheckCharacter(code[..17]);
        return code[17] == expected ? null : $"check character must be '{expected}' (GB 32100) / 校验码错误，应为“{expected}”";
    }
}

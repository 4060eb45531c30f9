using System.Text.RegularExpressions;

namespace Approval.Supervision.Domain;

/// <summary>
/// Removes personal data from a text shown publicly (政务公开的建议投诉): e-mail addresses, 18-character ID numbers
/// (居民身份证号), mobile and fixed-line phone numbers, any other run of 7 or more digits (old ID numbers, bank cards,
/// numbers written without a pattern), and the submitter's own name where it appears.
/// </summary>
public static partial class ComplaintMasking
{
    public const string Email = "〔邮箱已隐去〕", IdNumber = "〔证件号已隐去〕", Phone = "〔电话已隐去〕", Number = "〔号码已隐去〕", Name = "〔姓名已隐去〕";

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"(?<![0-9A-Za-z])[1-9][0-9]{5}(?:18|19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx](?![0-9A-Za-z])")]
    private static partial Regex IdNumberPattern();

    // Mobile (+86 optional, spaces or dashes between groups) and fixed lines (area code 0xx/0xxx, 7–8 digits, extension).
    [GeneratedRegex(@"(?<![0-9])(?:(?:\+|00)?86[\s\-]?)?1[3-9][0-9](?:[\s\-]?[0-9]{4}){2}(?![0-9])|(?<![0-9])(?:\(?0[0-9]{2,3}\)?[\s\-]?)[0-9]{3,4}[\s\-]?[0-9]{4}(?:[\s\-]?(?:转|ext\.?|x)[0-9]{1,6})?(?![0-9])")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"[0-9](?:[\s\-]?[0-9]){6,}")]
    private static partial Regex LongNumberPattern();

    /// <summary>The text with personal data replaced by a marker; null stays null.</summary>
    public static string? Mask(string? text, string? submitterName = null)
    {
        if (string.IsNullOrEmpty(text)) return text;
        var masked = EmailPattern().Replace(text, Email);
        masked = IdNumberPattern().Replace(masked, IdNumber);
        masked = PhonePattern().Replace(masked, Phone);
        masked = LongNumberPattern().Replace(masked, Number);
        var name = submitterName?.Trim();
        if (name is { Length: >= 2 }) masked = masked.Replace(name, Name, StringComparison.Ordinal);
        return masked;
    }
}

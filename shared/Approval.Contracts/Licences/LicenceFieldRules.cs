using System.Globalization;
using System.Text.RegularExpressions;

namespace Approval.Contracts.Licences;

/// <summary>
/// The rules of 照面信息 values, the same wherever they are checked (catalog import, the department's conclusion): the
/// types, their formats, and the masking of personal ID numbers (居民身份证号码) in what the public reads.
/// </summary>
public static partial class LicenceFieldRules
{
    /// <summary>string; number (an amount, not negative); integer (a count, e.g. 合同工期 in days); date (yyyy-MM-dd); idnumber (masked when public).</summary>
    public static readonly string[] Types = ["string", "number", "integer", "date", "idnumber"];

    /// <summary>The sources a value can come from besides a stage-form field ("form:&lt;key&gt;").</summary>
    public static readonly string[] FixedSources = ["project.name", "project.code", "applicant", "department", "decision"];

    public const int MaxLength = 500;

    /// <summary>The source alternatives of a field ("form:建设单位|applicant" → two).</summary>
    public static IReadOnlyList<string> Sources(string source) =>
        source.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The stage-form field a source names, or null when it is not a form source.</summary>
    public static string? FormKey(string source) => source.StartsWith("form:", StringComparison.Ordinal) ? source[5..] : null;

    /// <summary>Why a value breaks the field's rule (English, Chinese), or null when it keeps it; an empty value only breaks "required".</summary>
    public static (string English, string Chinese)? Problem(LicenceField field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return field.Required ? ("is required on the certificate", $"证照照面信息“{field.Name}”必须填写") : null;
        var v = value.Trim();
        if (v.Length > MaxLength) return ($"at most {MaxLength} characters", $"“{field.Name}”最多{MaxLength}字");
        return field.Type switch
        {
            "number" when !decimal.TryParse(v, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) || n < 0 =>
                ("must be a number not below 0", $"“{field.Name}”须为不小于0的数字"),
            "integer" when !int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out _) =>
                ("must be a whole number not below 0", $"“{field.Name}”须为非负整数"),
            "date" when !DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) =>
                ("must be a date (yyyy-MM-dd)", $"“{field.Name}”须为日期（年-月-日）"),
            "idnumber" when !IsIdNumber(v) =>
                ("must be an 18-character 居民身份证号码 with a valid check character", $"“{field.Name}”须为有效的18位身份证号码"),
            _ => null,
        };
    }

    /// <summary>
    /// What the public reads of a value: every personal ID number in it (an idnumber field, or one written into any text)
    /// keeps its first 6 and last 4 characters.
    /// </summary>
    public static string? Public(LicenceField field) => field.Value is not { } v ? null
        : field.Type == "idnumber" ? Mask(v.Trim())
        : IdCandidate().Replace(v, m => IsIdNumber(m.Value) ? Mask(m.Value) : m.Value);

    private static string Mask(string v) => v.Length < 10 ? new string('*', v.Length) : $"{v[..6]}{new string('*', v.Length - 10)}{v[^4..]}";

    /// <summary>GB 11643: 17 digits, a birth date, and the ISO 7064 MOD 11-2 check character.</summary>
    public static bool IsIdNumber(string v)
    {
        if (!IdCandidate().IsMatch(v) || v.Length != 18) return false;
        if (!DateOnly.TryParseExact(v[6..14], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)) return false;
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (v[i] - '0') * weights[i];
        return "10X98765432"[sum % 11] == v[17];
    }

    [GeneratedRegex(@"(?<![0-9A-Z])\d{17}[\dX](?![0-9A-Z])")]
    private static partial Regex IdCandidate();
}

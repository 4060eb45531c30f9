namespace Approval.Contracts.Errors;

/// <summary>Bad input (400): every failing field with the rule it broke, in English and Chinese.</summary>
public sealed class ValidationException(IReadOnlyDictionary<string, string[]> errors)
    : DomainException(
        "The request has invalid fields: " + string.Join(", ", errors.Keys) + ".",
        "请求中有不符合要求的字段：" + string.Join("、", errors.Keys) + "。")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static ValidationException For(string field, string english, string chinese) =>
        new(new Dictionary<string, string[]> { [field] = [$"{english} / {chinese}"] });
}

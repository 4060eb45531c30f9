using Approval.Contracts.Licences;

namespace Approval.Approvals.Domain;

/// <summary>
/// 照面信息 (R-4.4, R-12.1): the certificate's content fields as the application filled them at 受理. The department
/// reviews them, may correct or complete any value, and cannot conclude 通过 while a required one is missing or a value
/// breaks its rule; what it concludes is what the certificate states and its seal covers.
/// </summary>
public sealed partial class ItemInstance
{
    /// <summary>Null: the item yields no certificate, or it was accepted before content fields existed.</summary>
    public List<LicenceField>? LicenceContent { get; private set; }
    /// <summary>The licence type's 有效期 in months from issue; null: 长期.</summary>
    public int? LicenceValidityMonths { get; private set; }

    public ItemInstance WithLicenceContent(IReadOnlyList<LicenceField>? content, int? validityMonths)
    {
        LicenceContent = content?.ToList();
        LicenceValidityMonths = validityMonths;
        return this;
    }

    /// <summary>
    /// Applies the department's corrections (field name → value; an empty value clears it) and checks every field. Errors
    /// are keyed "content.&lt;name&gt;"; nothing changes when there is one. Returns what changed, as "name：old→new".
    /// </summary>
    public IReadOnlyList<string> ReviseLicenceContent(IReadOnlyDictionary<string, string?>? corrections)
    {
        var errors = new FieldErrors();
        var content = LicenceContent ?? [];
        foreach (var name in (corrections ?? new Dictionary<string, string?>()).Keys.Where(n => content.All(f => f.Name != n)))
            errors.Add($"content.{name}", $"is not a content field of {LicenceName} / “{name}”不是{LicenceName}的照面信息");
        var revised = content.Select(f => corrections is not null && corrections.TryGetValue(f.Name, out var v)
            ? f with { Value = string.IsNullOrWhiteSpace(v) ? null : v.Trim() } : f).ToList();
        foreach (var field in revised)
            if (LicenceFieldRules.Problem(field, field.Value) is { } problem)
                errors.Add($"content.{field.Name}", $"{problem.English} / {problem.Chinese}");
        errors.ThrowIfAny();
        var changes = content.Zip(revised).Where(p => p.First.Value != p.Second.Value)
            .Select(p => $"{p.First.Name}：{p.First.Value ?? "（空）"}→{p.Second.Value ?? "（空）"}").ToList();
        if (LicenceContent is not null) LicenceContent = revised;
        return changes;
    }
}

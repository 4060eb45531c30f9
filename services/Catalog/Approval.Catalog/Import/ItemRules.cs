using Approval.Catalog.Domain;
using Approval.Contracts.Licences;

namespace Approval.Catalog.Import;

/// <summary>
/// The rules one item definition must keep, shared by the region pack import and the catalog editor. Each broken
/// rule is reported with the path of the field (relative to <paramref name="at"/>) and the rule, in English and Chinese.
/// </summary>
public static class ItemRules
{
    /// <summary>The most of each unit the clock counts (about ten years): working days, calendar days, hours, minutes, months.</summary>
    private static int MaxCountable(int unit) => unit switch
    {
        TimeLimitUnits.Hours => 24 * 3650,
        TimeLimitUnits.Minutes => 60 * 24 * 3650,
        TimeLimitUnits.Months => 120,
        _ => 3650,
    };

    private static readonly string[] ItemTypes = ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "20"];

    public static IEnumerable<(string Path, string Rule)> Check(ItemDefinition item, string at, ISet<string> departments, ISet<int> stages)
    {
        string P(string field) => at.Length == 0 ? field : $"{at}.{field}";
        if (string.IsNullOrWhiteSpace(item.Code)) yield return (P("code"), "is required / 事项编码必填");
        if (string.IsNullOrWhiteSpace(item.Name)) yield return (P("name"), "is required / 事项名称必填");
        if (item.Version < 1) yield return (P("version"), "must be 1 or more / 版本号应不小于1");
        if (!departments.Contains(item.DepartmentCode ?? "")) yield return (P("departmentCode"), $"unknown department '{item.DepartmentCode}' / 未知的审批部门");
        if (!stages.Contains(item.StageNo)) yield return (P("stageNo"), $"unknown stage {item.StageNo} / 未知的审批阶段");
        if (item.TimeLimitWorkingDays <= 0) yield return (P("timeLimitWorkingDays"), "a time limit must be greater than 0 / 办理时限应大于0");
        if (item.TimeLimitUnit is < TimeLimitUnits.WorkingDays or > TimeLimitUnits.Months)
            yield return (P("timeLimitUnit"), $"unknown time-limit unit {item.TimeLimitUnit} (1–5) / 未知的时限单位");
        if (item.TimeLimit is <= 0) yield return (P("timeLimit"), "a time limit must be greater than 0 / 办理时限应大于0");
        if (item.TimeLimit is { } amount && amount > MaxCountable(item.TimeLimitUnit))
            yield return (P("timeLimit"), $"{amount} in unit {item.TimeLimitUnit} is more than the clock counts (at most ten years) / 办理时限超出计时范围（最长十年）");
        if (item.TimeLimit is { } stated && item.TimeLimitUnit == TimeLimitUnits.WorkingDays && stated != item.TimeLimitWorkingDays)
            yield return (P("timeLimit"), "in working days it must equal timeLimitWorkingDays / 以工作日计时应与timeLimitWorkingDays一致");
        if (item.After is { } after && after == item.Code) yield return (P("after"), "an item cannot follow itself / 事项不能以自身为前置事项");
        if (item.RequiresReview is { } review && !System.Text.RegularExpressions.Regex.IsMatch(review, "^[a-z][a-z-]{1,39}$"))
            yield return (P("requiresReview"), $"'{review}' is not a review type code (lower-case letters and hyphens) / 技术审查类型代码不正确");
        if (!ItemTypes.Contains(item.ItemType)) yield return (P("itemType"), $"unknown item type '{item.ItemType}' (GB/T 39046: 01–10, 20) / 未知的事项类型");
        if (item.CaseType is < 1 or > 4) yield return (P("caseType"), $"unknown case type {item.CaseType} (1–4) / 未知的办件类型");
        if (!ItemKinds.All.Contains(item.Kind)) yield return (P("kind"), $"must be one of {string.Join(", ", ItemKinds.All)} / 事项类别不正确");
        var fees = item.Fees ?? [];
        for (var i = 0; i < fees.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(fees[i].Basis)) yield return (P($"fees[{i}].basis"), "a fee needs its legal basis / 收费须有依据");
            if (fees[i].Amount < 0) yield return (P($"fees[{i}].amount"), "must not be negative / 收费金额不能为负");
        }
        var materials = item.Materials ?? [];
        for (var i = 0; i < materials.Count; i++)
        {
            if (!MaterialSources.All.Contains(materials[i].Source))
                yield return (P($"materials[{i}].source"), $"must be one of {string.Join(", ", MaterialSources.All)} / 材料来源不正确");
            if (materials[i].Copies < 0) yield return (P($"materials[{i}].copies"), "must not be negative / 份数不能为负");
        }
        var keys = new HashSet<string>();
        var fields = item.Fields ?? [];
        for (var i = 0; i < fields.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(fields[i].Key)) yield return (P($"fields[{i}].key"), "is required / 字段名必填");
            else if (!keys.Add(fields[i].Key)) yield return (P($"fields[{i}].key"), $"duplicate field '{fields[i].Key}' / 字段重复");
            if (!FormField.Types.Contains(fields[i].Type))
                yield return (P($"fields[{i}].type"), $"must be one of {string.Join(", ", FormField.Types)} / 字段类型不正确");
        }
        foreach (var problem in LicenceRules(item, P)) yield return problem;
    }

    /// <summary>
    /// 照面信息: each content field named once, of a known type, and fed from sources that exist — a form source must be
    /// one of the item's own stage-form fields, so the one form always holds it when the item is applied for.
    /// </summary>
    public const int MaxContentFields = 16;

    private static IEnumerable<(string Path, string Rule)> LicenceRules(ItemDefinition item, Func<string, string> P)
    {
        if (item.Licence is not { } licence) yield break;
        if (licence.ValidityMonths is < 1 or > 1200)
            yield return (P("licence.validityMonths"), "must be 1–1200 months, or absent for 长期 / 有效期应为1至1200个月，长期则不填");
        var formKeys = (item.Fields ?? []).Select(f => f.Key).ToHashSet();
        var names = new HashSet<string>();
        var content = licence.Fields ?? [];
        if (content.Count > MaxContentFields)
            yield return (P("licence.fields"), $"at most {MaxContentFields} content fields fit the certificate's one page / 照面信息最多{MaxContentFields}项（证照为单页）");
        for (var i = 0; i < content.Count; i++)
        {
            var at = $"licence.fields[{i}]";
            var field = content[i];
            if (string.IsNullOrWhiteSpace(field.Name)) yield return (P($"{at}.name"), "is required / 照面信息字段名必填");
            else if (!names.Add(field.Name)) yield return (P($"{at}.name"), $"duplicate content field '{field.Name}' / 照面信息字段重复");
            if (!LicenceFieldRules.Types.Contains(field.Type))
                yield return (P($"{at}.type"), $"must be one of {string.Join(", ", LicenceFieldRules.Types)} / 照面信息字段类型不正确");
            var sources = LicenceFieldRules.Sources(field.Source ?? "");
            if (sources.Count == 0) yield return (P($"{at}.source"), $"'{field.Name}' needs a source / 照面信息“{field.Name}”须注明来源");
            foreach (var source in sources)
            {
                if (LicenceFieldRules.FormKey(source) is { } key)
                {
                    if (!formKeys.Contains(key))
                        yield return (P($"{at}.source"),
                            $"'{field.Name}' takes its value from form field '{key}', which is not a field of this item's stage form / 照面信息“{field.Name}”的来源“{key}”不是本事项表单的字段");
                }
                else if (!LicenceFieldRules.FixedSources.Contains(source))
                    yield return (P($"{at}.source"),
                        $"'{field.Name}': unknown source '{source}' (form:<field>, {string.Join(", ", LicenceFieldRules.FixedSources)}) / 照面信息“{field.Name}”的来源“{source}”不存在");
            }
        }
    }
}

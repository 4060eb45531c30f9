using System.Text.RegularExpressions;
using Approval.Catalog.Domain;
using Approval.Contracts.Codes;

namespace Approval.Catalog.Import;

/// <summary>Checks a region pack as a whole and lists every error with file, path and rule; nothing is imported while one remains.</summary>
public static class RegionPackValidator
{
    public static IReadOnlyList<string> Validate(RegionPack pack, string file)
    {
        var errors = new List<string>();
        void Fail(string path, string rule) => errors.Add($"{file}: {path}: {rule}");

        if (pack.Region is null || !Regex.IsMatch(pack.Region.Code ?? "", @"^\d{6}$"))
            Fail("region.code", "must be a 6-digit administrative division code (GB/T 2260)");

        var departments = new HashSet<string>();
        var codes = new HashSet<string>();
        for (var i = 0; i < pack.Departments.Count; i++)
        {
            var d = pack.Departments[i];
            if (d.Kind is not null && !PackDepartment.Kinds.Contains(d.Kind))
                Fail($"departments[{i}].kind", $"unknown kind '{d.Kind}' ({string.Join(", ", PackDepartment.Kinds)})");
            if (!codes.Add(d.Code)) Fail($"departments[{i}].code", $"duplicate department code '{d.Code}'");
            if (d.IsDepartment) departments.Add(d.Code);
            if (UnifiedSocialCreditCode.Problem(d.CreditCode) is { } problem) Fail($"departments[{i}].creditCode", problem);
        }

        var stages = new HashSet<int>();
        for (var i = 0; i < pack.Stages.Count; i++)
        {
            var s = pack.Stages[i];
            if (s.No is < 1 or > 5) Fail($"stages[{i}].no", $"unknown standard stage {s.No} (1–5)");
            else if (!stages.Add(s.No)) Fail($"stages[{i}].no", $"duplicate stage {s.No}");
            if (s.TimeLimitWorkingDays is < 1 or > 50) Fail($"stages[{i}].timeLimitWorkingDays", "a stage limit is 1–50 working days");
            if (s.MilestoneRule is not (1 or 2)) Fail($"stages[{i}].milestoneRule", "must be 1 (all milestone items) or 2 (any milestone item)");
        }

        var items = new Dictionary<string, ItemDefinition>();
        var fields = new Dictionary<string, (FormField Field, string Item)>();
        for (var i = 0; i < pack.Items.Count; i++)
        {
            var it = pack.Items[i];
            if (!items.TryAdd(it.Code, it)) Fail($"items[{i}].code", $"duplicate item code '{it.Code}'");
            foreach (var (path, rule) in ItemRules.Check(it, $"items[{i}]", departments, stages)) Fail(path, rule);
            var own = it.Fields ?? [];
            for (var f = 0; f < own.Count; f++)
            {
                if (own[f].Key is null) continue;
                if (!fields.TryAdd(own[f].Key, (own[f], it.Code)) && fields[own[f].Key].Field.Type != own[f].Type)
                    Fail($"items[{i}].fields[{f}].type",
                        $"field '{own[f].Key}' is '{own[f].Type}' here but '{fields[own[f].Key].Field.Type}' in {fields[own[f].Key].Item}; a shared field has one type");
            }
        }

        foreach (var (path, rule) in OrderRules.Check(pack.Items)) Fail(path, rule);

        var flows = new HashSet<string>();
        var packFlows = pack.Flows ?? [];
        for (var i = 0; i < packFlows.Count; i++)
        {
            var flow = packFlows[i];
            if (!flows.Add(flow.Code)) Fail($"flows[{i}].code", $"duplicate flow code '{flow.Code}'");
            for (var s = 0; s < flow.Stages.Count; s++)
            {
                var stage = flow.Stages[s];
                var at = $"flows[{i}].stages[{s}]";
                if (!stages.Contains(stage.StageNo)) Fail($"{at}.stageNo", $"unknown standard stage {stage.StageNo}");
                if (stage.TimeLimitWorkingDays is < 1 or > 50) Fail($"{at}.timeLimitWorkingDays", "a stage limit is 1–50 working days");
                foreach (var code in stage.ItemCodes)
                {
                    if (!items.TryGetValue(code, out var item)) Fail($"{at}.itemCodes", $"unknown item '{code}'");
                    else if (item.StageNo != stage.StageNo) Fail($"{at}.itemCodes", $"item '{code}' belongs to stage {item.StageNo}");
                }
            }
        }
        return errors;
    }
}

namespace Approval.Catalog.Import;

/// <summary>Checks a region pack as a whole and lists every error with file, path and rule; nothing is imported while one remains.</summary>
public static class RegionPackValidator
{
    public static IReadOnlyList<string> Validate(RegionPack pack, string file)
    {
        var errors = new List<string>();
        void Fail(string path, string rule) => errors.Add($"{file}: {path}: {rule}");

        if (pack.Region is null || !System.Text.RegularExpressions.Regex.IsMatch(pack.Region.Code ?? "", @"^\d{6}$"))
            Fail("region.code", "must be a 6-digit administrative division code (GB/T 2260)");

        var departments = new HashSet<string>();
        for (var i = 0; i < pack.Departments.Count; i++)
        {
            var d = pack.Departments[i];
            if (!departments.Add(d.Code)) Fail($"departments[{i}].code", $"duplicate department code '{d.Code}'");
            if (d.CreditCode?.Length != 18) Fail($"departments[{i}].creditCode", "must be an 18-character unified social credit code");
        }

        var stages = new HashSet<int>();
        for (var i = 0; i < pack.Stages.Count; i++)
        {
            var s = pack.Stages[i];
            if (s.No is < 1 or > 5) Fail($"stages[{i}].no", $"unknown standard stage {s.No} (1–5)");
            if (!stages.Add(s.No)) Fail($"stages[{i}].no", $"duplicate stage {s.No}");
            if (s.TimeLimitWorkingDays is < 1 or > 50) Fail($"stages[{i}].timeLimitWorkingDays", "a stage limit is 1–50 working days");
        }

        var items = new HashSet<string>();
        for (var i = 0; i < pack.Items.Count; i++)
        {
            var it = pack.Items[i];
            if (!items.Add(it.Code)) Fail($"items[{i}].code", $"duplicate item code '{it.Code}'");
            if (!departments.Contains(it.DepartmentCode)) Fail($"items[{i}].departmentCode", $"unknown department '{it.DepartmentCode}'");
            if (!stages.Contains(it.StageNo)) Fail($"items[{i}].stageNo", $"unknown stage {it.StageNo}");
            if (it.TimeLimitWorkingDays <= 0) Fail($"items[{i}].timeLimitWorkingDays", "a time limit must be greater than 0");
        }
        return errors;
    }
}

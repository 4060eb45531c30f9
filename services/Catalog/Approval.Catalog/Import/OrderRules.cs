using Approval.Catalog.Domain;

namespace Approval.Catalog.Import;

/// <summary>
/// 有序审批: an item's <c>after</c> names an existing item of the same stage, and following the chain of
/// <c>after</c> never comes back to where it started (no cycles).
/// </summary>
public static class OrderRules
{
    public static IEnumerable<(string Path, string Rule)> Check(IReadOnlyList<ItemDefinition> items)
    {
        var byCode = items.GroupBy(i => i.Code).ToDictionary(g => g.Key, g => g.First());
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item.After is not { } after || after == item.Code) continue;
            if (!byCode.TryGetValue(after, out var earlier))
            {
                yield return ($"items[{i}].after", $"unknown item '{after}' / 前置事项不存在");
                continue;
            }
            if (earlier.StageNo != item.StageNo)
                yield return ($"items[{i}].after", $"item '{after}' is in stage {earlier.StageNo}, not {item.StageNo}; ordered items share a stage / 前置事项须属于同一阶段");
            if (InCycle(item, byCode))
                yield return ($"items[{i}].after", $"the order of '{item.Code}' comes back to itself (a cycle) / 事项先后顺序不能成环");
        }
    }

    private static bool InCycle(ItemDefinition start, IReadOnlyDictionary<string, ItemDefinition> byCode)
    {
        var seen = new HashSet<string> { start.Code };
        for (var code = start.After; code is not null && byCode.TryGetValue(code, out var next); code = next.After)
        {
            if (code == start.Code) return true;
            if (!seen.Add(code)) return false; // a cycle further on: its own items report it
        }
        return false;
    }
}

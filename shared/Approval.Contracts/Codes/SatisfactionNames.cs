namespace Approval.Contracts.Codes;

/// <summary>满意度 (DOMAIN.md, 好差评): 1 非常满意, 2 满意, 3 基本满意, 4 不满意, 5 非常不满意 — the Marketplace's commission ratings and Supervision's.</summary>
public static class SatisfactionNames
{
    public static readonly IReadOnlyDictionary<int, string> Names = new Dictionary<int, string>
    {
        [1] = "非常满意", [2] = "满意", [3] = "基本满意", [4] = "不满意", [5] = "非常不满意",
    };

    public static string Describe() => string.Join("、", Names.Select(n => $"{n.Key} {n.Value}"));
}

namespace Approval.Bench;

/// <summary>What one benchmark case applies for: the items (null = every item of the stage) and a form that satisfies their stage form.</summary>
public sealed record CaseShape(string Name, string[]? ItemCodes, object Form)
{
    /// <summary>The Foundation's walking skeleton: two items from two departments, each yielding a certificate.</summary>
    public static readonly CaseShape Skeleton = new("skeleton", ["320193-ZJ-SG-001", "320193-CG-SG-001"], new { 建设规模 = "5万平方米" });

    /// <summary>Issue 6: every item of stage 3 (施工许可) in parallel — four items from three departments.</summary>
    public static readonly CaseShape Stage = new("stage", null, new Dictionary<string, object>
    {
        ["建设规模"] = "5万平方米",
        ["总建筑面积（平方米）"] = 50000,
        ["防空地下室面积（平方米）"] = 8000,
        ["建筑高度（米）"] = 60,
    });

    public static CaseShape Parse(string name) => name switch
    {
        "skeleton" => Skeleton,
        "stage" => Stage,
        _ => throw new ArgumentException($"unknown case shape '{name}' (skeleton or stage)"),
    };
}

namespace Approval.Projects.Domain;

/// <summary>
/// The code lists of a project's basic information (cf. SPGL_XMJBXXB). DOMAIN.md lists no codes for them, so these
/// are the rule used here, kept in one place so a region can change them (docs/projects.md).
/// </summary>
public static class CodeLists
{
    /// <summary>项目类型: how the investment is approved.</summary>
    public static readonly IReadOnlyDictionary<int, string> ProjectTypes = new Dictionary<int, string>
    {
        [1] = "审批类", [2] = "核准类", [3] = "备案类",
    };

    /// <summary>建设性质.</summary>
    public static readonly IReadOnlyDictionary<int, string> ConstructionNatures = new Dictionary<int, string>
    {
        [1] = "新建", [2] = "扩建", [3] = "改建", [4] = "迁建", [5] = "恢复", [9] = "其他",
    };

    public static string Describe(IReadOnlyDictionary<int, string> list) => string.Join(", ", list.Select(p => $"{p.Key} {p.Value}"));
}

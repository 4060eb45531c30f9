namespace Approval.Reviews.Domain;

/// <summary>
/// A kind of technical review (审查类型): its code, name, the material its passing result becomes for the applicant
/// (e.g. 施工图审查合格书), the catalog item whose time limit it runs on (the region pack's catalog), and whether a
/// conclusion must carry result files.
/// </summary>
public sealed record ReviewType(string Code, string Name, string MaterialName, string? CatalogItemCode, int DefaultLimitWorkingDays,
    bool RequiresResultFile = true)
{
    public const string ConstructionDrawing = "construction-drawing";

    /// <summary>The review types this service offers; their limits come from the catalog item when the pack has it.</summary>
    public static readonly IReadOnlyList<ReviewType> All =
    [
        new(ConstructionDrawing, "施工图审查", "施工图审查合格书", "320193-TS-BX-001", 10),
        new("fire-design", "消防设计技术审查", "消防设计技术审查意见书", null, 10),
        new("energy", "节能审查", "节能审查意见书", null, 10),
        new("design-scheme", "设计方案审查", "设计方案审查意见", null, 10),
    ];

    public static ReviewType? Find(string? code) => All.FirstOrDefault(t => t.Code == code?.Trim());
}

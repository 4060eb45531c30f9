namespace Approval.Reviews.Domain;

/// <summary>A review's state: 已委托 → 审查中 ⇄ 补充材料 → 已办结 (docs/reviews.md).</summary>
public enum ReviewStatus
{
    Commissioned = 1,
    InReview = 2,
    Supplementing = 3,
    Concluded = 4,
}

/// <summary>审查结论: 合格, 修改后合格 (both pass: the result is the applicant's material) or 不合格.</summary>
public enum ReviewConclusion
{
    Qualified = 1,
    QualifiedAfterChanges = 2,
    Unqualified = 3,
}

public static class ReviewNames
{
    public static string ChineseName(this ReviewStatus status) => status switch
    {
        ReviewStatus.Commissioned => "已委托",
        ReviewStatus.InReview => "审查中",
        ReviewStatus.Supplementing => "补充材料",
        ReviewStatus.Concluded => "已办结",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string Code(this ReviewStatus status) => status switch
    {
        ReviewStatus.Commissioned => "commissioned",
        ReviewStatus.InReview => "in-review",
        ReviewStatus.Supplementing => "supplementing",
        ReviewStatus.Concluded => "concluded",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string ChineseName(this ReviewConclusion conclusion) => conclusion switch
    {
        ReviewConclusion.Qualified => "合格",
        ReviewConclusion.QualifiedAfterChanges => "修改后合格",
        ReviewConclusion.Unqualified => "不合格",
        _ => throw new ArgumentOutOfRangeException(nameof(conclusion)),
    };

    public static string Code(this ReviewConclusion conclusion) => conclusion switch
    {
        ReviewConclusion.Qualified => "qualified",
        ReviewConclusion.QualifiedAfterChanges => "qualified-after-changes",
        ReviewConclusion.Unqualified => "unqualified",
        _ => throw new ArgumentOutOfRangeException(nameof(conclusion)),
    };

    /// <summary>The conclusion by its code or Chinese name; null when it is neither.</summary>
    public static ReviewConclusion? ParseConclusion(string? value) =>
        Enum.GetValues<ReviewConclusion>().Cast<ReviewConclusion?>()
            .FirstOrDefault(c => c!.Value.Code() == value?.Trim() || c.Value.ChineseName() == value?.Trim());

    /// <summary>合格 and 修改后合格 pass: the result serves the applicant's next applications.</summary>
    public static bool Passes(this ReviewConclusion conclusion) => conclusion is ReviewConclusion.Qualified or ReviewConclusion.QualifiedAfterChanges;
}

namespace Approval.Approvals.Domain;

/// <summary>特别程序 types; their time is not counted in the item's limit.</summary>
public enum SpecialProcedureType
{
    PublicNotice = 1,      // 公示
    Announcement = 2,      // 公告
    SiteSurvey = 3,        // 现场勘查
    ExpertReview = 4,      // 专家评审
    HigherAuthority = 5,   // 上级部门审批
    Other = 9,             // 其他
}

public static class SpecialProcedureTypeNames
{
    public static string ChineseName(this SpecialProcedureType type) => type switch
    {
        SpecialProcedureType.PublicNotice => "公示",
        SpecialProcedureType.Announcement => "公告",
        SpecialProcedureType.SiteSurvey => "现场勘查",
        SpecialProcedureType.ExpertReview => "专家评审",
        SpecialProcedureType.HigherAuthority => "上级部门审批",
        SpecialProcedureType.Other => "其他",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };
}

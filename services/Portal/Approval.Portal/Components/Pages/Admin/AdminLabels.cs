namespace Approval.Portal.Components.Pages.Admin;

/// <summary>The Chinese names of Identity's roles and organisation kinds (Roles, OrganisationKinds) on the admin's screens.</summary>
public static class AdminLabels
{
    public static readonly (string Code, string Name)[] Roles =
    [
        ("window", "综合窗口"), ("department", "审批部门"), ("department-lead", "部门负责人"), ("review-agency", "技术审查机构"),
        ("intermediary", "中介机构"), ("utility", "公用服务单位"), ("supervisor", "效能督查"), ("region-admin", "地区管理员"),
        ("catalog-editor", "事项目录管理员"), ("regulator", "行业监管"), ("applicant", "申请人"),
    ];

    public static readonly (string Code, string Name)[] OrganisationKinds =
    [
        ("department", "审批部门"), ("window", "综合窗口"), ("review-agency", "技术审查机构"), ("intermediary", "中介机构"),
        ("utility", "公用服务单位"), ("supervision", "督查机构"),
    ];

    public static string Role(string code) => Roles.FirstOrDefault(r => r.Code == code).Name ?? code;

    public static string Kind(string code) => OrganisationKinds.FirstOrDefault(k => k.Code == code).Name ?? code;
}

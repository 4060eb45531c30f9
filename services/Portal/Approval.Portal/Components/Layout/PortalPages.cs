namespace Approval.Portal.Components.Layout;

/// <summary>One entry of the side menu: where it goes, what it says, who sees it (no roles = everyone, also without login).</summary>
public sealed record PortalPage(string Href, string Title, string Icon, params string[] Roles)
{
    public bool VisibleTo(System.Security.Claims.ClaimsPrincipal user) => Roles.Length == 0 || Roles.Any(user.IsInRole);
}

/// <summary>
/// The side menu. A new screen is one page under Components/Pages/&lt;Role&gt; with its @page route and [Authorize(Roles = …)],
/// plus one line here (docs/portal.md).
/// </summary>
public static class PortalPages
{
    /// <summary>The notices page: its menu line carries the unread badge (MainLayout).</summary>
    public const string NoticesHref = "/notices";

    public static readonly IReadOnlyList<PortalPage> Menu =
    [
        new("/", "首页", "home"),
        new("/catalog", "办事指南（事项目录）", "book"),
        new("/verify", "电子证照核验", "safety-certificate"),
        new("/marketplace", "中介服务超市", "shop"),
        new("/transparency", "政务公开（按时办结率）", "bar-chart"),
        new("/complaints", "建议投诉", "message"),
        new("/my/projects", "我的项目", "project", "applicant"),
        new("/apply", "在线申报", "form", "applicant"),
        new("/my/applications", "我的申请", "profile", "applicant"),
        new("/my/utilities", "水电气报装", "thunderbolt", "applicant"),
        new("/notices", "消息通知", "bell", "applicant"),
        new("/my/intermediaries", "中介服务选取", "solution", "applicant"),
        new("/agency", "中介机构工作台", "shop", "intermediary"),
        new("/my/reviews", "技术审查", "file-search", "applicant"),
        new("/agency/reviews", "技术审查待办", "file-protect", "review-agency"),
        new("/window", "综合窗口待办", "inbox", "window"),
        new("/window/counter", "窗口收件（现场/邮寄）", "file-add", "window"),
        new("/window/ratings", "现场评价代录", "like", "window"),
        new("/department", "部门待办事项", "audit", "department"),
        new("/department/consultations", "征求意见答复", "message", "department"),
        new("/department/joint-reviews", "会商（阶段并联审批）", "team", "department"),
        new("/department/questions", "在线咨询答复", "question-circle", "department"),
        new("/department/follow-ups", "后续监管任务", "alert", "department"),
        new("/utility", "报装工作台", "thunderbolt", "utility"),
        new("/supervision", "效能督查", "dashboard", "supervisor", "region-admin", "department-lead"),
        new("/regulator", "监管工作台（审管联动）", "eye", "regulator"),
        new("/my/ratings", "我的评价（好差评）", "like", "applicant"),
        new("/ratings/tasks", "差评回访整改", "phone", "department", "department-lead", "review-agency", "utility", "intermediary", "window"),
        new("/supervision/ratings", "好差评统计与申诉", "star", "supervisor", "region-admin", "department-lead"),
        new("/department/complaints", "建议投诉办理", "solution", "department", "department-lead"),
        new("/supervision/complaints", "建议投诉督查", "alert", "supervisor", "region-admin", "department-lead"),
        new("/admin/calendar", "节假日安排", "calendar", "region-admin"),
        new("/admin/agencies", "中介机构审核", "safety", "region-admin"),
        new("/admin/catalog", "事项目录维护", "edit", "region-admin", "catalog-editor"),
        new("/admin/organisations", "机构管理", "apartment", "region-admin"),
        new("/admin/staff", "工作人员账户", "team", "region-admin"),
        new("/admin/clients", "机构业务系统接入", "api", "region-admin"),
        new("/admin/exchange", "数据共享交换（省级上报）", "cloud-upload", "region-admin", "supervisor"),
    ];
}

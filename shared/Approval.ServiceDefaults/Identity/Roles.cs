namespace Approval.ServiceDefaults.Identity;

/// <summary>The roles of ../shared/spec/REQUIREMENTS.md; the policies carry the same names.</summary>
public static class Roles
{
    public const string Applicant = "applicant";
    public const string Window = "window";
    /// <summary>Department approver (审批人员) or a department system (client credentials): always with an org claim.</summary>
    public const string Department = "department";
    public const string DepartmentLead = "department-lead";
    public const string ReviewAgency = "review-agency";
    public const string Intermediary = "intermediary";
    public const string Utility = "utility";
    public const string Supervisor = "supervisor";
    /// <summary>
    /// A supervising department's system or inspector (监管部门, R-12.2): receives the approval results and files its in-process and
    /// post-approval supervision records (检查、处罚、整改通知) on a project; always with an org claim.
    /// </summary>
    public const string Regulator = "regulator";
    public const string RegionAdmin = "region-admin";
    /// <summary>Maintains the catalog: drafts and publishes item versions .</summary>
    public const string CatalogEditor = "catalog-editor";

    public static readonly string[] All =
        [Applicant, Window, Department, DepartmentLead, ReviewAgency, Intermediary, Utility, Supervisor, RegionAdmin, CatalogEditor, Regulator];

    /// <summary>Roles held by staff of an organisation rather than by the public.</summary>
    public static readonly string[] Staff = All.Where(r => r != Applicant).ToArray();
}

namespace Approval.Catalog.Domain;

/// <summary>What sort of item it is, beside its GB/T 39046 item type.</summary>
public static class ItemKinds
{
    public const string Approval = "approval";               // 行政审批
    public const string TechnicalReview = "technical-review"; // 技术审查
    public const string Intermediary = "intermediary";       // 中介服务
    public const string Utility = "utility";                 // 市政公用服务
    public const string Filing = "filing";                   // 备案

    public static readonly string[] All = [Approval, TechnicalReview, Intermediary, Utility, Filing];
}

/// <summary>Where a required material comes from: the applicant uploads it, the e-licence library or a shared source supplies it.</summary>
public static class MaterialSources
{
    public const string Applicant = "applicant";
    public const string LicenceLibrary = "licence-library";
    public const string Shared = "shared";

    public static readonly string[] All = [Applicant, LicenceLibrary, Shared];
}

/// <summary>时限单位 (DOMAIN.md): the codes the data exchange uses.</summary>
public static class TimeLimitUnits
{
    public const int WorkingDays = 1;
    public const int CalendarDays = 2;
    public const int Hours = 3;
    public const int Minutes = 4;
    public const int Months = 5;
}

namespace Approval.Catalog.Domain;

/// <summary>
/// The content of one version of an item (事项): what the region pack or the catalog editor declares and what the
/// public API serves. Codes follow DOMAIN.md: item type (GB/T 39046, "01" administrative licence … "20" public
/// service), case type (1 immediate, 2 promised-time, 3 joint, 4 report-up). TimeLimit with TimeLimitUnit (1 working
/// days, 2 calendar days, 3 hours, 4 minutes, 5 months) is the limit as the guide states it when it is not in working
/// days (e.g. 4 hours for an immediate item), and the item's clock counts it in that unit (Approvals);
/// TimeLimitWorkingDays is its equivalent in working days, what stage and flow totals add up.
/// After (有序审批, R-7.8) names the item of the same stage whose decision this one waits for: both start together,
/// this one decides only once the earlier one concluded. RequiresReview names a review type whose result must exist first.
/// </summary>
public sealed record ItemDefinition(
    string Code,
    string Name,
    int StageNo,
    string DepartmentCode,
    int TimeLimitWorkingDays,
    LicenceSpec? Licence = null,
    int Version = 1,
    DateOnly? EffectiveFrom = null,
    string ItemType = "01",
    string Kind = ItemKinds.Approval,
    int CaseType = 2,
    bool NotificationCommitment = false,
    bool Milestone = false,
    string ApplicantType = "法人",
    string ResultDelivery = "电子证照",
    string? LegalBasis = null,
    IReadOnlyList<FeeItem>? Fees = null,
    IReadOnlyList<Material>? Materials = null,
    IReadOnlyList<FormField>? Fields = null,
    ServiceGuide? Guide = null,
    int? TimeLimit = null,
    int TimeLimitUnit = TimeLimitUnits.WorkingDays,
    string? After = null,
    // The technical review (技术审查, Reviews' type code, e.g. construction-drawing) whose passing result the item's
    // decision needs: Approvals refuses 通过 until such a review of the project passed.
    string? RequiresReview = null)
{
    /// <summary>The limit as the guide states it, in <see cref="TimeLimitUnit"/>: what the item's clock counts.</summary>
    public int StatedTimeLimit => TimeLimit ?? TimeLimitWorkingDays;
}

/// <summary>
/// The certificate an approval yields: GB/T 36904 licence type code and name, its content fields (照面信息) in the order
/// the certificate lays them out, and its validity (有效期) in months from issue (null: 长期).
/// </summary>
public sealed record LicenceSpec(string TypeCode, string Name, IReadOnlyList<LicenceContentField>? Fields = null, int? ValidityMonths = null);

/// <summary>
/// One content field of a licence type. Source: where the value comes from, alternatives separated by "|" (the first one
/// known wins): "form:&lt;one of the item's stage-form fields&gt;", "project.name", "project.code", "applicant", "department",
/// "decision" (the department states it at 办结). Type: string, number, integer, date, idnumber (masked when public).
/// </summary>
public sealed record LicenceContentField(string Name, string Source, string Type = "string", bool Required = false);

/// <summary>收费项目: a fee with its legal basis; Amount in yuan per Unit (null amount = 不收费).</summary>
public sealed record FeeItem(string Name, string Basis, decimal? Amount, string? Unit = null);

/// <summary>申请材料: Form 原件/复印件/电子件; Source says where it comes from (see <see cref="MaterialSources"/>).</summary>
public sealed record Material(string Name, string Form, int Copies, string Source, bool Required = true);

namespace Approval.Intake.Domain;

/// <summary>
/// An item applied for, as the catalog described it when the application was received; ItemVersion is the catalog
/// version the application keeps for its whole life (0 for applications received before versions existed). The rules
/// Approvals applies at 受理 (milestone, 告知承诺制, the item it follows) and the limit as the catalog states it
/// (TimeLimit in TimeLimitUnit: 1 working days, 2 calendar days, 3 hours, 4 minutes, 5 months; 0: TimeLimitWorkingDays)
/// are part of the same snapshot.
/// </summary>
public sealed record ApplicationItem(
    string ItemCode,
    string ItemName,
    string DepartmentCode,
    string DepartmentName,
    string DepartmentCreditCode,
    int TimeLimitWorkingDays,
    string? LicenceTypeCode,
    string? LicenceName,
    int ItemVersion = 0,
    bool Milestone = false,
    bool NotificationCommitment = false,
    string? After = null,
    int TimeLimit = 0,
    int TimeLimitUnit = 1,
    // The technical review type whose passing result the department's 通过 needs (catalog requiresReview; null: none).
    string? RequiresReview = null,
    // 照面信息 of the licence type as the catalog declared them (JSON array of LicenceField without values; null: none
    // declared) and its 有效期 in months (null: 长期); the values are read from the application at 受理.
    string? LicenceFields = null,
    int? LicenceValidityMonths = null);

namespace Approval.Intake.Domain;

/// <summary>
/// An item applied for, as the catalog described it when the application was received; ItemVersion is the catalog
/// version the application keeps for its whole life (0 for applications received before versions existed).
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
    int ItemVersion = 0);
